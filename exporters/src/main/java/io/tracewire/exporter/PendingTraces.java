package io.tracewire.exporter;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans that wait for the local root of their trace, per trace id and in arrival order.
 *
 * <p>A local root is a span without a parent or with a remote one: within this process nothing ends
 * after it in that trace except asynchronous work, so once it has arrived its tree can be shown.
 * Not thread-safe; the exporter guards it.
 */
final class PendingTraces {

  private final Map<String, PendingTrace> traces = new LinkedHashMap<>();

  void add(SpanData span, long arrivalNanos) {
    PendingTrace trace = traces.computeIfAbsent(span.getTraceId(), id -> new PendingTrace());
    trace.spans.put(span.getSpanId(), new Arrival(span, arrivalNanos));
    if (isLocalRoot(span)) {
      trace.localRootArrived = true;
    }
  }

  boolean isEmpty() {
    return traces.isEmpty();
  }

  /**
   * Removes each local root that has arrived together with the descendants received so far. Returns
   * one list per trace; spans not below such a root stay pending.
   */
  List<List<SpanData>> takeLocalRootTrees() {
    List<List<SpanData>> trees = new ArrayList<>();
    for (Iterator<PendingTrace> it = traces.values().iterator(); it.hasNext(); ) {
      PendingTrace trace = it.next();
      if (!trace.localRootArrived) {
        continue;
      }
      trees.add(trace.takeLocalRootTrees());
      if (trace.spans.isEmpty()) {
        it.remove();
      }
    }
    return trees;
  }

  /** Removes every trace whose oldest pending span arrived at or before {@code deadlineNanos}. */
  List<List<SpanData>> takeArrivedBy(long deadlineNanos) {
    List<List<SpanData>> expired = new ArrayList<>();
    for (Iterator<PendingTrace> it = traces.values().iterator(); it.hasNext(); ) {
      PendingTrace trace = it.next();
      // nanoTime values may wrap, so compare by difference.
      if (trace.oldestArrivalNanos() - deadlineNanos <= 0) {
        expired.add(trace.allSpans());
        it.remove();
      }
    }
    return expired;
  }

  List<List<SpanData>> takeAll() {
    List<List<SpanData>> all = new ArrayList<>();
    for (PendingTrace trace : traces.values()) {
      all.add(trace.allSpans());
    }
    traces.clear();
    return all;
  }

  static boolean isLocalRoot(SpanData span) {
    SpanContext parent = span.getParentSpanContext();
    return !parent.isValid() || parent.isRemote();
  }

  private static final class Arrival {
    final SpanData span;
    final long nanos;

    Arrival(SpanData span, long nanos) {
      this.span = span;
      this.nanos = nanos;
    }
  }

  private static final class PendingTrace {
    // Insertion order is arrival order, so the first entry is the oldest.
    final Map<String, Arrival> spans = new LinkedHashMap<>();
    boolean localRootArrived;

    long oldestArrivalNanos() {
      return spans.values().iterator().next().nanos;
    }

    List<SpanData> allSpans() {
      List<SpanData> all = new ArrayList<>(spans.size());
      for (Arrival arrival : spans.values()) {
        all.add(arrival.span);
      }
      return all;
    }

    List<SpanData> takeLocalRootTrees() {
      Map<String, List<SpanData>> children = new LinkedHashMap<>();
      Deque<SpanData> toTake = new ArrayDeque<>();
      for (Arrival arrival : spans.values()) {
        SpanData span = arrival.span;
        if (isLocalRoot(span)) {
          toTake.add(span);
        } else {
          children
              .computeIfAbsent(span.getParentSpanContext().getSpanId(), id -> new ArrayList<>())
              .add(span);
        }
      }
      List<SpanData> taken = new ArrayList<>();
      while (!toTake.isEmpty()) {
        SpanData span = toTake.poll();
        // remove() also guards against a span listed as its own ancestor.
        if (spans.remove(span.getSpanId()) != null) {
          taken.add(span);
          toTake.addAll(children.getOrDefault(span.getSpanId(), List.of()));
        }
      }
      localRootArrived = false;
      return taken;
    }
  }
}
