package io.tracewire.testing.extension;

import io.opentelemetry.api.trace.Tracer;
import io.tracewire.instrumentation.api.ContextPropagation;
import io.tracewire.instrumentation.api.InstrumentationContext;

/**
 * What the linked interceptors share with the module: loaded once by the agent's loader, so every
 * linked copy, whatever its application loader, reaches the same tracer.
 */
public final class SelfTestSupport {

  private static volatile InstrumentationContext context;

  private SelfTestSupport() {}

  static void init(InstrumentationContext moduleContext) {
    context = moduleContext;
  }

  public static Tracer tracer() {
    return context.tracer();
  }

  public static ContextPropagation propagation() {
    return context.propagation();
  }
}
