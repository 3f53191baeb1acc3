package io.tracewire.agent.sdk;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.tracewire.agent.config.AgentConfig;
import java.util.List;

/** {@code otel.traces.sampler} and {@code otel.traces.sampler.arg}. */
public final class SamplerFactory {

  static final String DEFAULT = "parentbased_always_on";
  static final List<String> NAMES =
      List.of(
          "always_on",
          "always_off",
          "traceidratio",
          "parentbased_always_on",
          "parentbased_always_off",
          "parentbased_traceidratio");

  private SamplerFactory() {}

  public static Sampler create(AgentConfig config) {
    String name = config.getChoice("otel.traces.sampler", DEFAULT, NAMES);
    switch (name) {
      case "always_on":
        return Sampler.alwaysOn();
      case "always_off":
        return Sampler.alwaysOff();
      case "traceidratio":
        return Sampler.traceIdRatioBased(ratio(config));
      case "parentbased_always_off":
        return Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio":
        return Sampler.parentBased(Sampler.traceIdRatioBased(ratio(config)));
      default:
        return Sampler.parentBased(Sampler.alwaysOn());
    }
  }

  private static double ratio(AgentConfig config) {
    String name = "otel.traces.sampler.arg";
    double ratio = config.getDouble(name, 1.0);
    if (ratio < 0.0 || ratio > 1.0 || Double.isNaN(ratio)) {
      return config.invalid(name, config.raw(name), "a ratio between 0.0 and 1.0", 1.0);
    }
    return ratio;
  }
}
