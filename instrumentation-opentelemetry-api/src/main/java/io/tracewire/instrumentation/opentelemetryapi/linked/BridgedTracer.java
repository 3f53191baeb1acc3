package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.trace.SpanBuilder;
import application.io.opentelemetry.api.trace.Tracer;

/** One of the agent's tracers, named after the application's instrumentation scope. */
final class BridgedTracer implements Tracer {

  private final io.opentelemetry.api.trace.Tracer agent;

  BridgedTracer(io.opentelemetry.api.trace.Tracer agent) {
    this.agent = agent;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new BridgedSpanBuilder(agent.spanBuilder(spanName));
  }

  /**
   * The agent's answer: false while no span would be recorded (no exporter), so an application
   * that asks first skips its span work. Versions of the API without the method never call it.
   */
  @Override
  public boolean isEnabled() {
    return agent.isEnabled();
  }
}
