package io.tracewire.agent.sdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** Counts sampled spans as they end, for {@link ExportStats}. */
final class CountingSpanProcessor implements SpanProcessor {

  private final ExportStats stats;

  CountingSpanProcessor(ExportStats stats) {
    this.stats = stats;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (span.getSpanContext().isSampled()) {
      stats.ended.increment();
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }
}
