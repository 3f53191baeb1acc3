package io.tracewire.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code logging-otlp} exporter: writes each batch as one line holding an OTLP/JSON {@code
 * ExportTraceServiceRequest}, so the output can be collected by anything that reads JSON lines.
 */
public final class OtlpJsonLinesSpanExporter implements SpanExporter {

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
      // PrintStream swallows I/O errors; checkError is the only way to learn of them.
      return out.checkError()
          ? CompletableResultCode.ofExceptionalFailure(new IOException("could not write spans"))
          : CompletableResultCode.ofSuccess();
    } catch (RuntimeException e) {
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
