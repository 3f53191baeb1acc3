package io.tracewire.agent.sdk;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tracewire.agent.config.AgentConfig;
import io.tracewire.exporter.ConsoleTreeSpanExporter;
import io.tracewire.exporter.OtlpJsonLinesSpanExporter;
import io.tracewire.exporter.ZipkinJsonSpanExporter;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code otel.traces.exporter} and each exporter's own settings. */
public final class ExporterFactory {

  static final String PROPERTY = "otel.traces.exporter";
  static final List<String> NAMES = List.of("otlp", "zipkin", "console", "logging-otlp", "none");
  static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4318";
  static final String DEFAULT_ZIPKIN_ENDPOINT = "http://localhost:9411/api/v2/spans";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final AgentConfig config;
  private final ExportStats stats;

  ExporterFactory(AgentConfig config, ExportStats stats) {
    this.config = config;
    this.stats = stats;
  }

  /** The exporter names configured, validated; {@code otlp} when none is valid. */
  public static Set<String> exporterNames(AgentConfig config) {
    Set<String> names = new LinkedHashSet<>();
    for (String raw : config.getList(PROPERTY)) {
      String name = raw.toLowerCase(Locale.ROOT);
      if (name.equals("logging")) {
        name = "console";
      }
      if (NAMES.contains(name)) {
        names.add(name);
      } else {
        config.warnOnce(
            PROPERTY,
            "invalid value '" + raw + "' in " + PROPERTY + " (expected one of "
                + String.join(", ", NAMES) + "); "
                + (config.getList(PROPERTY).size() > 1 ? "ignored" : "using otlp"));
      }
    }
    if (names.isEmpty()) {
      names.add("otlp");
    }
    if (names.size() > 1) {
      names.remove("none");
    }
    return names;
  }

  /** The configured exporters, each counted and reported, or {@code null} for {@code none}. */
  SpanExporter create() {
    List<SpanExporter> exporters = new ArrayList<>();
    for (String name : exporterNames(config)) {
      switch (name) {
        case "otlp":
          String endpoint = otlpTracesEndpoint();
          exporters.add(new ReportingSpanExporter(otlp(endpoint), endpoint, stats));
          break;
        case "zipkin":
          String zipkinEndpoint = zipkinEndpoint();
          exporters.add(new ReportingSpanExporter(zipkin(zipkinEndpoint), zipkinEndpoint, stats));
          break;
        case "console":
          exporters.add(new ReportingSpanExporter(new ConsoleTreeSpanExporter(System.out), "console", stats));
          break;
        case "logging-otlp":
          exporters.add(
              new ReportingSpanExporter(new OtlpJsonLinesSpanExporter(System.out), "stdout", stats));
          break;
        default:
          break;
      }
    }
    if (exporters.isEmpty()) {
      return null;
    }
    return exporters.size() == 1 ? exporters.get(0) : SpanExporter.composite(exporters);
  }

  /** Where spans go, for the start-up line. */
  public static String describe(AgentConfig config) {
    List<String> parts = new ArrayList<>();
    ExporterFactory factory = new ExporterFactory(config, new ExportStats());
    for (String name : exporterNames(config)) {
      if (name.equals("otlp")) {
        parts.add("otlp " + factory.otlpTracesEndpoint());
      } else if (name.equals("zipkin")) {
        parts.add("zipkin " + factory.zipkinEndpoint());
      } else {
        parts.add(name);
      }
    }
    return String.join(", ", parts);
  }

  private SpanExporter otlp(String endpoint) {
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint)
            .setTimeout(config.getDuration(signalOrGeneral("timeout"), DEFAULT_TIMEOUT));
    Map<String, String> headers = config.getMap(signalOrGeneral("headers"));
    headers.forEach(builder::addHeader);
    String compressionProperty = signalOrGeneral("compression");
    String compression = config.getChoice(compressionProperty, "none", List.of("gzip", "none"));
    builder.setCompression(compression);
    builder.setRetryPolicy(
        RetryPolicy.builder().setRetryExceptionPredicate(ExporterFactory::isWorthRetrying).build());
    return builder.build();
  }

  /**
   * A refused connection or a collector that did not answer in time is not retried: the batch is
   * dropped and the next one tries again, so a dead collector never keeps spans (or the JVM's
   * exit) waiting on back-off. A connection reset mid-request is worth another try.
   */
  static boolean isWorthRetrying(IOException failure) {
    return !(failure instanceof ConnectException) && !(failure instanceof HttpTimeoutException);
  }

  /** The traces-specific property when it is set, else the general one. */
  private String signalOrGeneral(String suffix) {
    String specific = "otel.exporter.otlp.traces." + suffix;
    return config.raw(specific) != null ? specific : "otel.exporter.otlp." + suffix;
  }

  String otlpTracesEndpoint() {
    String protocolProperty = signalOrGeneral("protocol");
    String protocol = config.getString(protocolProperty, "http/protobuf").toLowerCase(Locale.ROOT);
    if (!protocol.equals("http/protobuf")) {
      config.warnOnce(
          protocolProperty,
          "unsupported value '" + protocol + "' for " + protocolProperty
              + " (this agent sends OTLP over HTTP; every common collector accepts it on port 4318);"
              + " using http/protobuf");
    }
    String specific = config.raw("otel.exporter.otlp.traces.endpoint");
    if (specific != null) {
      return validUrl("otel.exporter.otlp.traces.endpoint", specific, DEFAULT_OTLP_ENDPOINT + "/v1/traces");
    }
    String base = validUrl("otel.exporter.otlp.endpoint", config.getString("otel.exporter.otlp.endpoint", DEFAULT_OTLP_ENDPOINT), DEFAULT_OTLP_ENDPOINT);
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
  }

  String zipkinEndpoint() {
    return validUrl(
        "otel.exporter.zipkin.endpoint",
        config.getString("otel.exporter.zipkin.endpoint", DEFAULT_ZIPKIN_ENDPOINT),
        DEFAULT_ZIPKIN_ENDPOINT);
  }

  private SpanExporter zipkin(String endpoint) {
    Duration timeout = config.getDuration("otel.exporter.zipkin.timeout", DEFAULT_TIMEOUT);
    return new ZipkinJsonSpanExporter(endpoint, timeout, ExportSuppression::wrap);
  }

  private String validUrl(String property, String value, String fallback) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (uri.getHost() != null && ("http".equals(scheme) || "https".equals(scheme))) {
        return value;
      }
    } catch (java.net.URISyntaxException ignored) {
      // reported below
    }
    return config.invalid(property, value, "an http:// or https:// URL", fallback);
  }
}
