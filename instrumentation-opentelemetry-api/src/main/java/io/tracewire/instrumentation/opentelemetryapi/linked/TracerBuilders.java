package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;

/** Tracer builders (API 1.4 and later); loaded only where the API has them. */
final class TracerBuilders {

  private TracerBuilders() {}

  static TracerBuilder of(io.opentelemetry.api.trace.TracerBuilder agent) {
    return new Bridged(agent);
  }

  private static final class Bridged implements TracerBuilder {
    private final io.opentelemetry.api.trace.TracerBuilder agent;

    Bridged(io.opentelemetry.api.trace.TracerBuilder agent) {
      this.agent = agent;
    }

    @Override
    public TracerBuilder setSchemaUrl(String schemaUrl) {
      agent.setSchemaUrl(schemaUrl);
      return this;
    }

    @Override
    public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
      agent.setInstrumentationVersion(instrumentationScopeVersion);
      return this;
    }

    @Override
    public Tracer build() {
      return new BridgedTracer(agent.build());
    }
  }
}
