package io.tracewire.agent.sdk;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import io.tracewire.agent.Promise;

/**
 * Stands in for the real exporter while it is being built off the application's threads (the
 * OTLP exporter alone loads about a thousand classes). Batches exported before it is ready wait
 * for it, asynchronously, so no span is lost to a slow start.
 */
final class DeferredSpanExporter implements SpanExporter {

  private final Promise<SpanExporter> delegate = new Promise<>();

  void connect(SpanExporter exporter) {
    delegate.complete(exporter);
  }

  void fail(Throwable reason) {
    delegate.fail(reason);
  }

  /**
   * Waits, at most {@code timeout}, until the real exporter is connected (or failed). Building it
   * is local work, so this is bounded by CPU, never by the collector.
   */
  boolean awaitConnected(java.time.Duration timeout) {
    return delegate.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) != null;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return forward(exporter -> exporter.export(spans));
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.isDone() ? forward(SpanExporter::flush) : CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.isDone() ? forward(SpanExporter::shutdown) : CompletableResultCode.ofSuccess();
  }

  private CompletableResultCode forward(
      java.util.function.Function<SpanExporter, CompletableResultCode> call) {
    if (delegate.isFailed()) {
      return CompletableResultCode.ofFailure();
    }
    if (delegate.isDone()) {
      return call.apply(delegate.getNow());
    }
    CompletableResultCode result = new CompletableResultCode();
    delegate.whenDone(
        (exporter, failure) -> {
          if (exporter == null) {
            result.fail();
            return;
          }
          CompletableResultCode inner = call.apply(exporter);
          inner.whenComplete(
              () -> {
                if (inner.isSuccess()) {
                  result.succeed();
                } else {
                  result.fail();
                }
              });
        });
    return result;
  }
}
