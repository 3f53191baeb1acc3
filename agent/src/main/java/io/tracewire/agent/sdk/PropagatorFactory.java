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
import java.util.Locale;

/** {@code otel.propagators}: {@code tracecontext,baggage} unless configured otherwise. */
public final class PropagatorFactory {

  static final String PROPERTY = "otel.propagators";

  private PropagatorFactory() {}

  public static ContextPropagators create(AgentConfig config) {
    List<String> names = config.getList(PROPERTY);
    if (names.isEmpty()) {
      names = List.of("tracecontext", "baggage");
    }
    List<TextMapPropagator> propagators = new ArrayList<>();
    for (String name : names) {
      TextMapPropagator propagator = byName(name.toLowerCase(Locale.ROOT));
      if (propagator == null) {
        config.warnOnce(
            PROPERTY,
            "invalid value '" + name + "' in " + PROPERTY
                + " (expected tracecontext, baggage, b3, b3multi, jaeger, ottrace or none); ignored");
      } else {
        propagators.add(propagator);
      }
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
      case "none":
        return TextMapPropagator.noop();
      default:
        return null;
    }
  }
}
