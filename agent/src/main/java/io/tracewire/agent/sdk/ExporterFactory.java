package io.tracewire.agent.sdk;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tracewire.agent.AgentLog;
import io.tracewire.agent.config.AgentConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.tracewire.exporter.ConsoleTreeSpanExporter;
import io.tracewire.exporter.InFlightRequests;
import io.tracewire.exporter.OtlpJsonLinesSpanExporter;
import io.tracewire.exporter.RedactedUrl;
import io.tracewire.exporter.AbortableHttpSender;
import io.tracewire.exporter.ZipkinJsonSpanExporter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** Builds the exporters {@link ExporterSettings} names, each counted and reported. */
public final class ExporterFactory {

  private final AgentConfig config;
  private final ExporterSettings settings;
  private final ExportStats stats;
  private final InFlightRequests inFlight;

  ExporterFactory(AgentConfig config, ExportStats stats, InFlightRequests inFlight) {
    this.config = config;
    this.settings = new ExporterSettings(config);
    this.stats = stats;
    this.inFlight = inFlight;
  }

  /** The configured exporters, each counted and reported, or {@code null} for {@code none}. */
  SpanExporter create() {
    List<SpanExporter> exporters = new ArrayList<>();
    for (String name : settings.exporterNames()) {
      switch (name) {
        case "otlp":
          String endpoint = settings.otlpTracesEndpoint();
          exporters.add(new ReportingSpanExporter(otlp(endpoint), RedactedUrl.of(endpoint), stats));
          break;
        case "zipkin":
          String zipkinEndpoint = settings.zipkinEndpoint();
          exporters.add(
              new ReportingSpanExporter(zipkin(zipkinEndpoint), RedactedUrl.of(zipkinEndpoint), stats));
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

  private SpanExporter otlp(String endpoint) {
    byte[] trusted = settings.otlpTrustedCertificates();
    byte[][] client = settings.otlpClientTls();
    if (trusted == null && client == null) {
      return otlpBuilder(endpoint).build();
    }
    try {
      OtlpHttpSpanExporterBuilder builder = otlpBuilder(endpoint);
      if (trusted != null) {
        builder.setTrustedCertificates(trusted);
      }
      if (client != null) {
        builder.setClientTls(client[0], client[1]);
      }
      return builder.build();
    } catch (RuntimeException e) {
      // Malformed PEM: say so once, and export with the JVM's own trust rather than not at all.
      AgentLog.warn(
          "the TLS files of " + settings.signalOrGeneral("certificate") + " / "
              + settings.signalOrGeneral("client.key") + " / " + settings.signalOrGeneral("client.certificate")
              + " could not be used (" + e.getMessage() + "); using the JVM's default TLS settings");
      return otlpBuilder(endpoint).build();
    }
  }

  private OtlpHttpSpanExporterBuilder otlpBuilder(String endpoint) {
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint)
            .setTimeout(settings.otlpTimeout());
    settings.otlpHeaders().forEach(builder::addHeader);
    builder.setCompression(settings.otlpCompression());
    builder.setRetryPolicy(
        RetryPolicy.builder().setRetryExceptionPredicate(ExporterFactory::isWorthRetrying).build());
    builder.setComponentLoader(withOwnHttpSender());
    return builder;
  }

  /** Serves the exporter our {@link AbortableHttpSender}; anything else as usual. */
  private ComponentLoader withOwnHttpSender() {
    HttpSenderProvider ownSender =
        senderConfig -> new AbortableHttpSender(senderConfig, inFlight, ExportSuppression::wrap);
    ComponentLoader usual = ComponentLoader.forClassLoader(ExporterFactory.class.getClassLoader());
    return new ComponentLoader() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Iterable<T> load(Class<T> type) {
        return type == HttpSenderProvider.class ? List.of((T) ownSender) : usual.load(type);
      }
    };
  }

  /**
   * A refused connection or a collector that did not answer in time is not retried: the batch is
   * dropped and the next one tries again, so a dead collector never keeps spans (or the JVM's
   * exit) waiting on back-off. A connection reset mid-request is worth another try.
   */
  static boolean isWorthRetrying(IOException failure) {
    return !(failure instanceof ConnectException)
        && !(failure instanceof SocketTimeoutException);
  }

  private SpanExporter zipkin(String endpoint) {
    return new ZipkinJsonSpanExporter(endpoint, settings.zipkinTimeout(), ExportSuppression::wrap, inFlight);
  }
}
