package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.propagation.ContextPropagators;
import application.io.opentelemetry.context.propagation.TextMapGetter;
import application.io.opentelemetry.context.propagation.TextMapPropagator;
import application.io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;

/** The agent's configured propagators ({@code otel.propagators}), for the application. */
final class BridgedPropagators implements ContextPropagators, TextMapPropagator {

  private final io.opentelemetry.context.propagation.TextMapPropagator agent;

  BridgedPropagators(io.opentelemetry.context.propagation.TextMapPropagator agent) {
    this.agent = agent;
  }

  @Override
  public TextMapPropagator getTextMapPropagator() {
    return this;
  }

  @Override
  public Collection<String> fields() {
    return agent.fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context != null && setter != null) {
      agent.inject(Bridging.toAgent(context), carrier, setter::set);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      return null;
    }
    if (getter == null) {
      return context;
    }
    io.opentelemetry.context.Context extracted =
        agent.extract(
            Bridging.toAgent(context),
            carrier,
            new io.opentelemetry.context.propagation.TextMapGetter<C>() {
              @Override
              public Iterable<String> keys(C from) {
                return getter.keys(from);
              }

              @Override
              public String get(C from, String key) {
                return getter.get(from, key);
              }
            });
    return new BridgedContext(extracted);
  }
}
