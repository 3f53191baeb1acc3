package io.tracewire.analytics.stats;

import io.tracewire.analytics.model.SpanRecord;
import io.tracewire.analytics.model.TraceRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Streaming statistics of one service, folded trace by trace; nothing of a trace is kept once it
 * has been counted. Memory is bounded: at most {@value #MAX_OPERATIONS} operation names and
 * {@value #MAX_EDGES} dependency edges are told apart (the rest are counted under
 * {@value #OTHER}), and error messages are counted in {@value #MESSAGE_SLOTS} slots.
 *
 * <ul>
 *   <li>A trace's duration runs from its earliest span start to its latest span end.
 *   <li>A trace is an error trace of this service when at least one of this service's spans failed.
 *   <li>An operation is a span name of this service.
 *   <li>A dependency is a span of one service whose parent span belongs to another; its calls,
 *       error rate and durations are those of the child span (the call as the callee served it).
 * </ul>
 */
public final class ServiceStats {

  public static final int MAX_OPERATIONS = 1000;
  public static final int MAX_EDGES = 1000;
  public static final int MESSAGE_SLOTS = 100;
  public static final String OTHER = "(other)";

  /** A caller service and the service it called. */
  public record Edge(String caller, String callee) {}

  private final String service;
  private final DurationStats traces = new DurationStats();
  private final Map<String, DurationStats> operations = new HashMap<>();
  private final Map<Edge, DurationStats> edges = new LinkedHashMap<>();
  private final TopCounter messages = new TopCounter(MESSAGE_SLOTS);
  private long spans;
  private long newTraces;

  public ServiceStats(String service) {
    this.service = service;
  }

  public String service() {
    return service;
  }

  /** Folds one trace in; {@code earlierServices} are services whose reports already counted it. */
  public void accept(TraceRecord trace, Collection<String> earlierServices) {
    Map<String, String> serviceOfSpan = new HashMap<>(trace.spans().size() * 2);
    for (SpanRecord span : trace.spans()) {
      serviceOfSpan.put(span.spanId(), span.service());
    }
    boolean error = false;
    boolean seenBefore = false;
    Set<String> traceMessages = null;
    for (SpanRecord span : trace.spans()) {
      seenBefore |= earlierServices.contains(span.service());
      String parentService = span.parentId() == null ? null : serviceOfSpan.get(span.parentId());
      if (parentService != null && !parentService.equals(span.service())
          && (parentService.equals(service) || span.service().equals(service))) {
        edgeStats(new Edge(parentService, span.service())).add(span.durationMicros(), span.error());
      }
      if (!span.service().equals(service)) {
        continue;
      }
      spans++;
      operationStats(span.name()).add(span.durationMicros(), span.error());
      if (span.error()) {
        error = true;
        if (traceMessages == null) {
          traceMessages = new HashSet<>(4);
        }
        traceMessages.add(span.errorMessage() == null ? "(no message)" : span.errorMessage());
      }
    }
    traces.add(trace.durationMicros(), error);
    if (traceMessages != null) {
      traceMessages.forEach(messages::add);
    }
    if (!seenBefore) {
      newTraces++;
    }
  }

  private DurationStats operationStats(String name) {
    return bounded(operations, name, MAX_OPERATIONS, OTHER);
  }

  private DurationStats edgeStats(Edge edge) {
    return bounded(edges, edge, MAX_EDGES, new Edge(OTHER, OTHER));
  }

  /** The stats of {@code key}, or of {@code overflow} once {@code max} keys are told apart. */
  private static <K> DurationStats bounded(Map<K, DurationStats> map, K key, int max, K overflow) {
    DurationStats stats = map.get(key);
    if (stats != null) {
      return stats;
    }
    return map.computeIfAbsent(map.size() < max ? key : overflow, k -> new DurationStats());
  }

  /** Trace durations and error traces. */
  public DurationStats traces() {
    return traces;
  }

  /** Spans of this service. */
  public long spans() {
    return spans;
  }

  /** Traces that hold no span of a service counted earlier (see {@link #accept}). */
  public long newTraces() {
    return newTraces;
  }

  public Map<String, DurationStats> operations() {
    return operations;
  }

  public Map<Edge, DurationStats> edges() {
    return edges;
  }

  /** Error messages, each counted once per error trace it appears in. */
  public TopCounter messages() {
    return messages;
  }
}
