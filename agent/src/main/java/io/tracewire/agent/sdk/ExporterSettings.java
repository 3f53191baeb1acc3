package io.tracewire.agent.sdk;

import io.tracewire.agent.config.AgentConfig;
import io.tracewire.exporter.RedactedUrl;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code otel.traces.exporter} and the exporters' endpoints, read and validated. Kept apart from
 * {@link ExporterFactory} so that {@code premain} can describe the export without loading any
 * exporter class.
 */
public final class ExporterSettings {

  static final String PROPERTY = "otel.traces.exporter";
  static final List<String> NAMES = List.of("otlp", "zipkin", "console", "logging-otlp", "none");
  static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4318";
  static final String DEFAULT_ZIPKIN_ENDPOINT = "http://localhost:9411/api/v2/spans";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final AgentConfig config;

  public ExporterSettings(AgentConfig config) {
    this.config = config;
  }

  /** The exporter names configured, validated; {@code otlp} when none is valid. */
  public Set<String> exporterNames() {
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

  /**
   * Where spans go, for the start-up line and the dropped-spans line, with credentials and query
   * values redacted.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (String name : exporterNames()) {
      if (name.equals("otlp")) {
        parts.add("otlp " + RedactedUrl.of(otlpTracesEndpoint()));
      } else if (name.equals("zipkin")) {
        parts.add("zipkin " + RedactedUrl.of(zipkinEndpoint()));
      } else {
        parts.add(name);
      }
    }
    return String.join(", ", parts);
  }

  /** Reads the settings of each configured exporter once, so that malformed ones are reported. */
  void checkAll() {
    Set<String> names = exporterNames();
    if (names.contains("otlp")) {
      otlpTracesEndpoint();
      otlpTimeout();
      otlpHeaders();
      otlpCompression();
      otlpTrustedCertificates();
      otlpClientTls();
    }
    if (names.contains("zipkin")) {
      zipkinEndpoint();
      zipkinTimeout();
    }
    if (names.contains("otlp") || names.contains("zipkin")) {
      warnIfAProxyIsSet();
    }
  }

  /** The export client connects directly: a proxy the JVM is told about is not used for it. */
  private void warnIfAProxyIsSet() {
    for (String property : List.of("https.proxyHost", "http.proxyHost")) {
      if (config.raw(property) != null) {
        config.warnOnce(
            "proxy",
            property + " is set, but spans are exported directly to the collector: this agent does"
                + " not export through a proxy");
        return;
      }
    }
  }

  Duration otlpTimeout() {
    return config.getDuration(signalOrGeneral("timeout"), DEFAULT_TIMEOUT);
  }

  Map<String, String> otlpHeaders() {
    return config.getSecretMap(signalOrGeneral("headers"));
  }

  String otlpCompression() {
    return config.getChoice(signalOrGeneral("compression"), "none", List.of("gzip", "none"));
  }

  /** The PEM certificates of {@code otel.exporter.otlp.certificate} (a private CA), or null. */
  byte[] otlpTrustedCertificates() {
    return pemFile(signalOrGeneral("certificate"));
  }

  /**
   * {@code otel.exporter.otlp.client.key} (PKCS#8 PEM) and {@code .client.certificate} for mutual
   * TLS, or null; one without the other is reported and neither is used.
   */
  byte[][] otlpClientTls() {
    String keyProperty = signalOrGeneral("client.key");
    String certificateProperty = signalOrGeneral("client.certificate");
    byte[] key = pemFile(keyProperty);
    byte[] certificate = pemFile(certificateProperty);
    if (key == null && certificate == null) {
      return null;
    }
    if (key == null || certificate == null) {
      String missing = key == null ? keyProperty : certificateProperty;
      config.warnOnce(
          missing,
          missing + " is not set or not readable: no client certificate is sent ("
              + keyProperty + " and " + certificateProperty + " go together)");
      return null;
    }
    return new byte[][] {key, certificate};
  }

  /** The file a property names, read; null (reported) when it cannot be read. */
  private byte[] pemFile(String property) {
    String path = config.raw(property);
    if (path == null) {
      return null;
    }
    try {
      return java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(path));
    } catch (java.io.IOException | RuntimeException e) {
      return config.invalid(property, path, "a readable PEM file", null, "none");
    }
  }

  Duration zipkinTimeout() {
    return config.getDuration("otel.exporter.zipkin.timeout", DEFAULT_TIMEOUT);
  }

  /** The traces-specific property when it is set, else the general one. */
  String signalOrGeneral(String suffix) {
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
      return validUrl(
          "otel.exporter.otlp.traces.endpoint", specific, DEFAULT_OTLP_ENDPOINT + "/v1/traces");
    }
    String base =
        validUrl(
            "otel.exporter.otlp.endpoint",
            config.getString("otel.exporter.otlp.endpoint", DEFAULT_OTLP_ENDPOINT),
            DEFAULT_OTLP_ENDPOINT);
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
  }

  String zipkinEndpoint() {
    return validUrl(
        "otel.exporter.zipkin.endpoint",
        config.getString("otel.exporter.zipkin.endpoint", DEFAULT_ZIPKIN_ENDPOINT),
        DEFAULT_ZIPKIN_ENDPOINT);
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
    return config.invalid(property, RedactedUrl.of(value), "an http:// or https:// URL", fallback);
  }
}
