package io.tracewire.agent.sdk;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import io.opentelemetry.extension.trace.propagation.OtTracePropagator;
import io.tracewire.agent.config.AgentConfig;
import java.util.ArrayList;
import java.util.List;

/** {@code otel.propagators}: {@code tracecontext,baggage} unless configured otherwise. */
public final class PropagatorFactory {

  private PropagatorFactory() {}

  public static ContextPropagators create(AgentConfig config) {
    List<TextMapPropagator> propagators = new ArrayList<>();
    for (String name : new SdkSettings(config).propagators()) {
      propagators.add(byName(name));
    }
    return ContextPropagators.create(TextMapPropagator.composite(propagators));
  }

  private static TextMapPropagator byName(String name) {
    switch (name) {
      case "tracecontext":
        return W3CTraceContextPropagator.getInstance();
      case "baggage":
        return W3CBaggagePropagator.getInstance();
      case "b3":
        return B3Propagator.injectingSingleHeader();
      case "b3multi":
        return B3Propagator.injectingMultiHeaders();
      case "jaeger":
        return JaegerPropagator.getInstance();
      case "ottrace":
        return OtTracePropagator.getInstance();
      default:
        return TextMapPropagator.noop();
    }
  }
}
