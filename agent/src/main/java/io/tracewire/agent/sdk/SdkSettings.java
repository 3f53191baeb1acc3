package io.tracewire.agent.sdk;

import io.tracewire.agent.config.AgentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings the SDK reads, parsed and validated without loading any SDK class, so that
 * {@code premain} can {@link #checkAll check them all} before {@code main} runs: a program that
 * ends within milliseconds still sees every malformed value named. The SDK thread reads the same
 * values through this class later; each warning is printed once.
 */
public final class SdkSettings {

  static final String SAMPLER = "otel.traces.sampler";
  static final String SAMPLER_ARG = "otel.traces.sampler.arg";
  static final String DEFAULT_SAMPLER = "parentbased_always_on";
  static final List<String> SAMPLERS =
      List.of(
          "always_on",
          "always_off",
          "traceidratio",
          "parentbased_always_on",
          "parentbased_always_off",
          "parentbased_traceidratio");
  static final String PROPAGATORS = "otel.propagators";
  static final List<String> PROPAGATOR_NAMES =
      List.of("tracecontext", "baggage", "b3", "b3multi", "jaeger", "ottrace", "none");

  /** The OpenTelemetry default for every count limit. */
  static final int DEFAULT_COUNT_LIMIT = 128;
  static final int DEFAULT_QUEUE_SIZE = 2048;
  static final int DEFAULT_BATCH_SIZE = 512;
  static final Duration DEFAULT_SCHEDULE_DELAY = Duration.ofMillis(5000);
  static final Duration DEFAULT_EXPORT_TIMEOUT = Duration.ofMillis(30000);
  static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofMillis(1000);

  private final AgentConfig config;

  public SdkSettings(AgentConfig config) {
    this.config = config;
  }

  /** Reads every setting once, so that each malformed one is reported now. */
  public void checkAll() {
    String sampler = sampler();
    if (sampler.endsWith("traceidratio")) {
      samplerRatio();
    }
    propagators();
    attributeValueLengthLimit();
    attributeCountLimit();
    eventCountLimit();
    linkCountLimit();
    eventAttributeCountLimit();
    linkAttributeCountLimit();
    ExporterSettings exporters = new ExporterSettings(config);
    if (!exporters.exporterNames().contains("none")) {
      batchSize();
      scheduleDelay();
      exportTimeout();
      exporters.checkAll();
    }
    shutdownTimeout();
  }

  String sampler() {
    return config.getChoice(SAMPLER, DEFAULT_SAMPLER, SAMPLERS);
  }

  double samplerRatio() {
    double ratio = config.getDouble(SAMPLER_ARG, 1.0);
    if (ratio < 0.0 || ratio > 1.0 || Double.isNaN(ratio)) {
      return config.invalid(SAMPLER_ARG, config.raw(SAMPLER_ARG), "a ratio between 0.0 and 1.0", 1.0);
    }
    return ratio;
  }

  /** The valid propagator names, lower case; {@code tracecontext,baggage} when none is set. */
  List<String> propagators() {
    List<String> names = config.getList(PROPAGATORS);
    if (names.isEmpty()) {
      return List.of("tracecontext", "baggage");
    }
    List<String> valid = new ArrayList<>();
    for (String name : names) {
      String normalized = name.toLowerCase(Locale.ROOT);
      if (PROPAGATOR_NAMES.contains(normalized)) {
        valid.add(normalized);
      } else {
        config.warnOnce(
            PROPAGATORS,
            "invalid value '" + name + "' in " + PROPAGATORS
                + " (expected tracecontext, baggage, b3, b3multi, jaeger, ottrace or none); ignored");
      }
    }
    return valid;
  }

  /** No limit unless set; {@code otel.span.attribute.value.length.limit} wins for spans. */
  int attributeValueLengthLimit() {
    int general = limit("otel.attribute.value.length.limit", Integer.MAX_VALUE, 0);
    return limit("otel.span.attribute.value.length.limit", general, 0);
  }

  /** 128 unless set; {@code otel.span.attribute.count.limit} wins for spans. */
  int attributeCountLimit() {
    int general = limit("otel.attribute.count.limit", DEFAULT_COUNT_LIMIT, 1);
    return limit("otel.span.attribute.count.limit", general, 1);
  }

  int eventCountLimit() {
    return limit("otel.span.event.count.limit", DEFAULT_COUNT_LIMIT, 1);
  }

  int linkCountLimit() {
    return limit("otel.span.link.count.limit", DEFAULT_COUNT_LIMIT, 1);
  }

  int eventAttributeCountLimit() {
    return limit("otel.event.attribute.count.limit", DEFAULT_COUNT_LIMIT, 1);
  }

  int linkAttributeCountLimit() {
    return limit("otel.link.attribute.count.limit", DEFAULT_COUNT_LIMIT, 1);
  }

  private int limit(String name, int fallback, int minimum) {
    String raw = config.raw(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= minimum) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return config.invalid(
        name, raw, "a whole number of at least " + minimum, fallback,
        fallback == Integer.MAX_VALUE ? "no limit" : String.valueOf(fallback));
  }

  int queueSize() {
    return config.getInt("otel.bsp.max.queue.size", DEFAULT_QUEUE_SIZE, 1);
  }

  /** At most the queue size. */
  int batchSize() {
    int queueSize = queueSize();
    int batchSize = config.getInt("otel.bsp.max.export.batch.size", DEFAULT_BATCH_SIZE, 1);
    if (batchSize > queueSize) {
      return config.invalid(
          "otel.bsp.max.export.batch.size",
          String.valueOf(batchSize),
          "at most otel.bsp.max.queue.size (" + queueSize + ")",
          queueSize);
    }
    return batchSize;
  }

  Duration scheduleDelay() {
    return config.getDuration("otel.bsp.schedule.delay", DEFAULT_SCHEDULE_DELAY);
  }

  Duration exportTimeout() {
    return config.getDuration("otel.bsp.export.timeout", DEFAULT_EXPORT_TIMEOUT);
  }

  Duration shutdownTimeout() {
    return config.getDuration("tracewire.shutdown.timeout", DEFAULT_SHUTDOWN_TIMEOUT);
  }
}
