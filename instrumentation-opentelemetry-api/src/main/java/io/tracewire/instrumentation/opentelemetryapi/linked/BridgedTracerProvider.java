package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;
import application.io.opentelemetry.api.trace.TracerProvider;

/** The agent's tracers, for the application. */
final class BridgedTracerProvider implements TracerProvider {

  private final io.opentelemetry.api.OpenTelemetry agent;

  BridgedTracerProvider(io.opentelemetry.api.OpenTelemetry agent) {
    this.agent = agent;
  }

  @Override
  public Tracer get(String instrumentationScopeName) {
    return new BridgedTracer(agent.getTracer(instrumentationScopeName));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return new BridgedTracer(agent.getTracer(instrumentationScopeName, instrumentationScopeVersion));
  }

  /**
   * From API 1.4 on. The builder is made in another class: this one must still load with the 1.0
   * API, which has no {@code TracerBuilder} for the verifier to check it against.
   */
  @Override
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return TracerBuilders.of(agent.tracerBuilder(instrumentationScopeName));
  }
}
