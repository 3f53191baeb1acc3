package io.tracewire.agent.sdk;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.tracewire.agent.config.AgentConfig;

/** {@code otel.traces.sampler} and {@code otel.traces.sampler.arg}. */
public final class SamplerFactory {

  private SamplerFactory() {}

  public static Sampler create(AgentConfig config) {
    SdkSettings settings = new SdkSettings(config);
    switch (settings.sampler()) {
      case "always_on":
        return Sampler.alwaysOn();
      case "always_off":
        return Sampler.alwaysOff();
      case "traceidratio":
        return Sampler.traceIdRatioBased(settings.samplerRatio());
      case "parentbased_always_off":
        return Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio":
        return Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplerRatio()));
      default:
        return Sampler.parentBased(Sampler.alwaysOn());
    }
  }
}
