package io.tracewire.agent;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.tracewire.agent.config.AgentConfig;
import io.tracewire.instrumentation.api.ContextPropagation;
import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;

/** What one module gets from the agent. */
final class ModuleContext implements InstrumentationContext {

  private final OpenTelemetry openTelemetry;
  private final AgentConfig config;
  private final String moduleName;
  private final String version;
  private final ContextPropagation propagation;

  ModuleContext(OpenTelemetry openTelemetry, AgentConfig config, String moduleName, String version) {
    this.openTelemetry = openTelemetry;
    this.config = config;
    this.moduleName = moduleName;
    this.version = version;
    this.propagation =
        new ContextPropagation(openTelemetry.getPropagators().getTextMapPropagator());
  }

  @Override
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  @Override
  public Tracer tracer() {
    return openTelemetry.getTracer("io.tracewire." + moduleName, version);
  }

  @Override
  public ContextPropagation propagation() {
    return propagation;
  }

  @Override
  public InstrumentationConfig config() {
    return config;
  }

  @Override
  public void debug(String message) {
    AgentLog.debug(moduleName + ": " + message);
  }
}
