package io.tracewire.instrumentation.api;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/** Writes and reads trace context and baggage through the configured propagators. */
public final class ContextPropagation {

  private final TextMapPropagator propagator;

  public ContextPropagation(TextMapPropagator propagator) {
    this.propagator = propagator;
  }

  /** Writes {@code context} (e.g. {@code traceparent}, {@code tracestate}, {@code baggage}). */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    propagator.inject(context, carrier, setter);
  }

  /** Reads a remote parent from {@code carrier} on top of {@code base}. */
  public <C> Context extract(Context base, C carrier, TextMapGetter<C> getter) {
    return propagator.extract(base, carrier, getter);
  }
}
