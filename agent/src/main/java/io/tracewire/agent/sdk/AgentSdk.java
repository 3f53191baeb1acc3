package io.tracewire.agent.sdk;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tracewire.agent.AgentLog;
import io.tracewire.agent.AgentThreads;
import io.tracewire.agent.config.AgentConfig;
import io.tracewire.exporter.InFlightRequests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's own OpenTelemetry SDK. It is never registered as the global instance the
 * application sees. The tracer provider is built first and cheaply; the exporter, which is costly
 * to load, is connected afterwards (see {@link DeferredSpanExporter}).
 */
public final class AgentSdk implements OpenTelemetry {

  static final Duration EXPORTER_SETUP_GRACE = Duration.ofSeconds(5);
  private static final long ABORT_GRACE_MILLIS = 50;

  /** Kept strongly: the SDK's own loggers are silenced unless debugging. */
  private static Logger sdkLogger;

  private final AgentConfig config;
  private final SdkTracerProvider tracerProvider;
  private final ContextPropagators propagators;
  private final DeferredSpanExporter exporter = new DeferredSpanExporter();
  private final ExportStats stats = new ExportStats();
  private final InFlightRequests inFlight = new InFlightRequests();
  private final boolean exporting;

  private AgentSdk(AgentConfig config, String agentVersion) {
    this.config = config;
    this.propagators = PropagatorFactory.create(config);
    this.exporting = !new ExporterSettings(config).exporterNames().contains("none");
    SdkTracerProviderBuilder builder =
        SdkTracerProvider.builder()
            .setResource(ResourceFactory.create(config, agentVersion))
            .setSpanLimits(spanLimits(new SdkSettings(config)))
            .setSampler(SamplerFactory.create(config));
    // Nothing exported, no processor at all: the SDK then hands out a disabled tracer, and
    // instrumentations that ask Tracer.isEnabled() do no span work.
    if (exporting) {
      List<String> baggageKeys = config.getList("otel.instrumentation.baggage.attributes");
      if (!baggageKeys.isEmpty()) {
        builder.addSpanProcessor(new BaggageAttributesSpanProcessor(baggageKeys));
      }
      builder.addSpanProcessor(new CountingSpanProcessor(stats));
      builder.addSpanProcessor(batchProcessor());
    }
    this.tracerProvider = builder.build();
  }

  public static AgentSdk create(AgentConfig config, String agentVersion) {
    silenceSdkLogging();
    return new AgentSdk(config, agentVersion);
  }

  static SpanLimits spanLimits(SdkSettings settings) {
    return SpanLimits.builder()
        .setMaxAttributeValueLength(settings.attributeValueLengthLimit())
        .setMaxNumberOfAttributes(settings.attributeCountLimit())
        .setMaxNumberOfEvents(settings.eventCountLimit())
        .setMaxNumberOfLinks(settings.linkCountLimit())
        .setMaxNumberOfAttributesPerEvent(settings.eventAttributeCountLimit())
        .setMaxNumberOfAttributesPerLink(settings.linkAttributeCountLimit())
        .build();
  }

  private BatchSpanProcessor batchProcessor() {
    SdkSettings settings = new SdkSettings(config);
    return BatchSpanProcessor.builder(exporter)
        .setMaxQueueSize(settings.queueSize())
        .setMaxExportBatchSize(settings.batchSize())
        .setScheduleDelay(settings.scheduleDelay())
        .setExporterTimeout(settings.exportTimeout())
        .build();
  }

  /** Builds the configured exporter and lets waiting batches through. */
  public void connectExporter() {
    if (!exporting) {
      return;
    }
    try {
      SpanExporter real = new ExporterFactory(config, stats, inFlight).create();
      exporter.connect(real == null ? SpanExporter.composite() : real);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warn("span exporter could not be created, spans will be dropped: " + e);
      exporter.fail(e);
    }
  }

  /**
   * Flushes and closes within {@code tracewire.shutdown.timeout}: spans not exported by then are
   * dropped and counted in one line, and the JVM is let go.
   */
  public void shutdown() {
    Duration timeout = new SdkSettings(config).shutdownTimeout();
    if (!exporting || stats.ended.sum() == 0) {
      tracerProvider.shutdown();
      return;
    }
    // A JVM that exits in its first second may beat the exporter's set-up; finishing it is
    // local work, and the flush budget below only starts once it is done.
    exporter.awaitConnected(EXPORTER_SETUP_GRACE);
    stats.shuttingDown = true;
    long failedBefore = stats.failed.sum();
    // The flush runs on its own thread: whatever the exporter blocks on, exit waits no longer
    // than the budget.
    Thread flush =
        AgentThreads.silentDaemon(
            "tracewire-flush",
            () -> tracerProvider.shutdown().join(timeout.toMillis(), TimeUnit.MILLISECONDS));
    flush.start();
    boolean finished = false;
    try {
      flush.join(timeout.toMillis());
      finished = !flush.isAlive();
      if (!finished) {
        // A thread blocked reading from the collector would hold the JVM's halt for another
        // 300 ms (it waits for threads in native code): close its connection and let it return.
        inFlight.abortAll();
        flush.join(ABORT_GRACE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Spans still queued, and failed ones no warning has counted yet (failures are reported at most
    // once a minute while running): the last line accounts for every span lost.
    long notExported = stats.pending() + stats.unreported.getAndSet(0);
    if (notExported > 0) {
      String reason =
          stats.failed.sum() > failedBefore || !finished && stats.failed.sum() > 0
              ? stats.lastFailure
              : "no answer within " + timeout.toMillis() + " ms";
      AgentLog.info(
          notExported + " spans not exported at shutdown: " + reason + " ("
              + new ExporterSettings(config).describe() + ")");
    }
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  private static void silenceSdkLogging() {
    if (AgentLog.isDebug()) {
      return;
    }
    String sdkPackage = SdkTracerProvider.class.getName();
    String root = sdkPackage.substring(0, sdkPackage.indexOf(".sdk."));
    sdkLogger = Logger.getLogger(root);
    sdkLogger.setLevel(Level.OFF);
  }
}
