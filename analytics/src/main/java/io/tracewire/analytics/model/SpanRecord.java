package io.tracewire.analytics.model;

/**
 * One span as every backend reports it, reduced to what the statistics need.
 *
 * @param spanId the span's id, as the backend spells it
 * @param parentId the parent span's id, or {@code null} for a root
 * @param service the service that recorded the span
 * @param name the operation name
 * @param startMicros start, microseconds since the epoch
 * @param durationMicros duration in microseconds (0 when the backend gave none)
 * @param error whether the backend marks the span as failed
 * @param errorMessage the error's message, or {@code null} when the span gives none
 */
public record SpanRecord(
    String spanId,
    String parentId,
    String service,
    String name,
    long startMicros,
    long durationMicros,
    boolean error,
    String errorMessage) {

  public long endMicros() {
    return startMicros + durationMicros;
  }
}
