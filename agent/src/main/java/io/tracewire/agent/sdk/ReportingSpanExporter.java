package io.tracewire.agent.sdk;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tracewire.agent.AgentLog;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the real exporter sends and drops. A failing collector costs the application only
 * dropped spans, and says so in one warning line a minute at most.
 */
final class ReportingSpanExporter implements SpanExporter {

  private static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final SpanExporter delegate;
  private final String destination;
  private final ExportStats stats;
  private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_INTERVAL_NANOS);

  ReportingSpanExporter(SpanExporter delegate, String destination, ExportStats stats) {
    this.delegate = delegate;
    this.destination = destination;
    this.stats = stats;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int count = spans.size();
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      result = CompletableResultCode.ofExceptionalFailure(e);
    }
    CompletableResultCode outcome = result;
    outcome.whenComplete(
        () -> {
          if (outcome.isSuccess()) {
            stats.exported.add(count);
          } else {
            stats.failed.add(count);
            stats.lastFailure = describe(outcome.getFailureThrowable());
            stats.unreported.addAndGet(count);
            reportIfDue();
          }
        });
    return outcome;
  }

  private void reportIfDue() {
    if (stats.shuttingDown) {
      return;
    }
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= REPORT_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
      long dropped = stats.unreported.getAndSet(0);
      AgentLog.warn(
          dropped + " spans not exported: " + stats.lastFailure + " (" + destination + ")"
              + "; further failures are reported at most once a minute");
    }
  }

  static String describe(Throwable failure) {
    if (failure == null) {
      return "export failed";
    }
    Throwable root = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return "timed out";
      }
      root = cause;
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    // Not the delegate's: it may show the endpoint unredacted.
    return "ReportingSpanExporter{" + destination + "}";
  }
}
