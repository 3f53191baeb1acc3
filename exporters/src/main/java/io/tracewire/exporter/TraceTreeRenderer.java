package io.tracewire.exporter;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the spans of one trace as an indented tree, children sorted by start time.
 *
 * <p>Spans whose parent is not among them become roots. When that parent is a local span, it was
 * never received (it ended late, or the linger ran out), so such a root is marked as an orphan.
 */
final class TraceTreeRenderer {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final Comparator<SpanData> BY_START =
      Comparator.comparingLong(SpanData::getStartEpochNanos)
          .thenComparingLong(SpanData::getEndEpochNanos)
          .thenComparing(SpanData::getSpanId);

  private final Map<String, List<SpanData>> children = new HashMap<>();
  private final Set<String> visited = new HashSet<>();
  private final StringBuilder out;

  private TraceTreeRenderer(StringBuilder out) {
    this.out = out;
  }

  /** Appends the tree of {@code spans}, which must all belong to one trace, to {@code out}. */
  static void render(StringBuilder out, List<SpanData> spans) {
    if (!spans.isEmpty()) {
      new TraceTreeRenderer(out).renderTrace(spans);
    }
  }

  private void renderTrace(List<SpanData> spans) {
    List<SpanData> sorted = new ArrayList<>(spans);
    sorted.sort(BY_START);
    Set<String> ids = new HashSet<>();
    for (SpanData span : sorted) {
      ids.add(span.getSpanId());
    }
    List<SpanData> roots = new ArrayList<>();
    for (SpanData span : sorted) {
      String parentId = parentId(span);
      if (parentId != null && ids.contains(parentId) && !parentId.equals(span.getSpanId())) {
        children.computeIfAbsent(parentId, id -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    // Spans caught in a parent cycle are reachable from no root; show them rather than drop them.
    Set<String> reached = new HashSet<>();
    for (SpanData root : roots) {
      markReached(root, reached);
    }
    for (SpanData span : sorted) {
      if (!reached.contains(span.getSpanId())) {
        roots.add(span);
        markReached(span, reached);
      }
    }

    out.append("trace ").append(sorted.get(0).getTraceId());
    String service = roots.get(0).getResource().getAttribute(SERVICE_NAME);
    if (service != null) {
      out.append("  (service: ").append(SpanLineFormatter.oneLine(service)).append(')');
    }
    out.append('\n');
    for (int i = 0; i < roots.size(); i++) {
      renderNode(roots.get(i), "", i == roots.size() - 1, true);
    }
  }

  private void markReached(SpanData span, Set<String> reached) {
    if (reached.add(span.getSpanId())) {
      for (SpanData child : children.getOrDefault(span.getSpanId(), List.of())) {
        markReached(child, reached);
      }
    }
  }

  private void renderNode(SpanData span, String indent, boolean last, boolean root) {
    if (!visited.add(span.getSpanId())) {
      return;
    }
    out.append(indent).append(last ? "└─ " : "├─ ");
    SpanContext parent = span.getParentSpanContext();
    if (root && parent.isValid() && !parent.isRemote()) {
      out.append("[orphan, parent ").append(parent.getSpanId()).append(" not seen] ");
    }
    SpanLineFormatter.append(out, span);
    out.append('\n');

    List<SpanData> kids = new ArrayList<>();
    for (SpanData child : children.getOrDefault(span.getSpanId(), List.of())) {
      if (!visited.contains(child.getSpanId())) {
        kids.add(child);
      }
    }
    String childIndent = indent + (last ? "   " : "│  ");
    for (int i = 0; i < kids.size(); i++) {
      renderNode(kids.get(i), childIndent, i == kids.size() - 1, false);
    }
  }

  private static String parentId(SpanData span) {
    SpanContext parent = span.getParentSpanContext();
    return parent.isValid() ? parent.getSpanId() : null;
  }
}
