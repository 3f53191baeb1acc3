package io.tracewire.exporter;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/** Builds fixed spans for tests. */
final class Spans {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final long T0 = 1_700_000_000_000_000_000L;
  static final Resource RESOURCE =
      Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "demo-shop"));

  private Spans() {}

  static SpanContext context(String traceId, String spanId) {
    return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }

  static SpanContext remoteContext(String traceId, String spanId) {
    return SpanContext.createFromRemoteParent(
        traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }

  /**
   * A span of {@link #TRACE_ID}; {@code parentId} null for a root; times in microseconds after T0.
   */
  static TestSpanData.Builder span(
      String spanId, String parentId, String name, long startMicros, long endMicros) {
    return span(TRACE_ID, spanId, parentId, name, startMicros, endMicros);
  }

  static TestSpanData.Builder span(
      String traceId,
      String spanId,
      String parentId,
      String name,
      long startMicros,
      long endMicros) {
    return TestSpanData.builder()
        .setSpanContext(context(traceId, spanId))
        .setParentSpanContext(
            parentId == null ? SpanContext.getInvalid() : context(traceId, parentId))
        .setResource(RESOURCE)
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setStatus(StatusData.unset())
        .setStartEpochNanos(T0 + startMicros * 1000)
        .setEndEpochNanos(T0 + endMicros * 1000)
        .setHasEnded(true);
  }
}
