package io.tracewire.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code logging-otlp} exporter: writes each batch as one line holding an OTLP/JSON {@code
 * ExportTraceServiceRequest}, so the output can be collected by anything that reads JSON lines.
 */
public final class OtlpJsonLinesSpanExporter implements SpanExporter {

  private static final Logger logger = Logger.getLogger(OtlpJsonLinesSpanExporter.class.getName());

  private final PrintStream out;
  private final AtomicBoolean shutdown = new AtomicBoolean();

  /** Writes to {@code out}, normally {@code System.out}. */
  public OtlpJsonLinesSpanExporter(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown.get()) {
      return CompletableResultCode.ofFailure();
    }
    if (spans.isEmpty()) {
      return CompletableResultCode.ofSuccess();
    }
    try {
      // println on a PrintStream is synchronized, so concurrent batches never interleave.
      out.println(OtlpJsonEncoder.encode(spans));
      return out.checkError() ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not write spans as OTLP JSON", e);
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  @Override
  public CompletableResultCode flush() {
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdown.set(true);
    return flush();
  }

  @Override
  public String toString() {
    return "OtlpJsonLinesSpanExporter";
  }
}
