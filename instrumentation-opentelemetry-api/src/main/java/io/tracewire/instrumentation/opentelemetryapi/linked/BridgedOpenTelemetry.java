package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.api.trace.TracerProvider;
import application.io.opentelemetry.context.propagation.ContextPropagators;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.opentelemetryapi.OpenTelemetryApiInstrumentationModule;

/**
 * The agent's OpenTelemetry as the application's API sees it: its tracers make agent spans
 * (exported with the agent's resource and sampler), its propagators are the agent's. Metrics and
 * logs stay the API's no-ops.
 */
final class BridgedOpenTelemetry implements OpenTelemetry {

  private static volatile BridgedOpenTelemetry instance;

  private final TracerProvider tracerProvider;
  private final ContextPropagators propagators;

  private BridgedOpenTelemetry(io.opentelemetry.api.OpenTelemetry agent) {
    this.tracerProvider = new BridgedTracerProvider(agent);
    this.propagators = new BridgedPropagators(agent.getPropagators().getTextMapPropagator());
  }

  /** The instance of this application class loader, or {@code null} before the agent is set up. */
  static BridgedOpenTelemetry instance() {
    BridgedOpenTelemetry known = instance;
    if (known == null) {
      InstrumentationContext context = OpenTelemetryApiInstrumentationModule.context();
      if (context == null) {
        return null;
      }
      synchronized (BridgedOpenTelemetry.class) {
        known = instance;
        if (known == null) {
          known = new BridgedOpenTelemetry(context.openTelemetry());
          instance = known;
        }
      }
    }
    return known;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }
}
