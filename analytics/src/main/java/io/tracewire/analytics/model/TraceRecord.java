package io.tracewire.analytics.model;

import java.util.List;

/** Every span of one trace that the backend returned. */
public record TraceRecord(String traceId, List<SpanRecord> spans) {

  public TraceRecord {
    spans = List.copyOf(spans);
  }

  /** The earliest span start, microseconds since the epoch ({@code Long.MAX_VALUE} when empty). */
  public long startMicros() {
    long start = Long.MAX_VALUE;
    for (SpanRecord span : spans) {
      start = Math.min(start, span.startMicros());
    }
    return start;
  }

  /** From the earliest span start to the latest span end, in microseconds. */
  public long durationMicros() {
    if (spans.isEmpty()) {
      return 0;
    }
    long end = Long.MIN_VALUE;
    for (SpanRecord span : spans) {
      end = Math.max(end, span.endMicros());
    }
    return end - startMicros();
  }
}
