package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.api.trace.TracerProvider;

/**
 * On the application's {@code GlobalOpenTelemetry.get()} and {@code getOrNoop()}: where the API
 * would hand out its no-op instance (the application registered no SDK), hands out the agent's
 * instead. An SDK the application registered (or the API's autoconfiguration made) is returned
 * unchanged.
 */
public final class GlobalOpenTelemetryInterceptor extends ReturnValueInterceptor {

  @Override
  public Object onReturn(Object state, Object self, Object returned) {
    if (returned instanceof OpenTelemetry
        && ((OpenTelemetry) returned).getTracerProvider() == TracerProvider.noop()) {
      OpenTelemetry agents = BridgedOpenTelemetry.instance();
      return agents != null ? agents : returned;
    }
    return returned;
  }
}
