package io.tracewire.testing.harness;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The spans one run produced, with look-ups by name, kind, attribute and parentage. Immutable. */
public final class Spans {

  private static final Comparator<ReceivedSpan> BY_START =
      Comparator.comparingLong(ReceivedSpan::startEpochNanos).thenComparing(ReceivedSpan::name);

  private final List<ReceivedSpan> spans;

  /** Wraps a snapshot of the given spans, kept in the given order. */
  public Spans(Collection<ReceivedSpan> spans) {
    this.spans = List.copyOf(spans);
  }

  /** Every span, in the order it was received. */
  public List<ReceivedSpan> all() {
    return spans;
  }

  /** How many spans there are. */
  public int size() {
    return spans.size();
  }

  /** Whether there are no spans. */
  public boolean isEmpty() {
    return spans.isEmpty();
  }

  /** The spans with this name. */
  public List<ReceivedSpan> named(String name) {
    return filter(span -> span.name().equals(name));
  }

  /**
   * The only span with this name.
   *
   * @throws org.opentest4j.AssertionFailedError unless exactly one span has this name; the message lists
   *     every span
   */
  public ReceivedSpan single(String name) {
    List<ReceivedSpan> matching = named(name);
    if (matching.size() != 1) {
      fail("Expected exactly one span named \"" + name + "\" but found " + matching.size() + "\n" + dump());
    }
    return matching.get(0);
  }

  /**
   * The only span that satisfies {@code which}.
   *
   * @throws org.opentest4j.AssertionFailedError unless exactly one does; the message is {@code
   *     what} and every span
   */
  public ReceivedSpan only(Predicate<ReceivedSpan> which, String what) {
    List<ReceivedSpan> matching = filter(which);
    org.junit.jupiter.api.Assertions.assertEquals(1, matching.size(), what + "\n" + dump());
    return matching.get(0);
  }

  /** The spans of this kind ({@code INTERNAL}, {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER}). */
  public List<ReceivedSpan> ofKind(String kind) {
    return filter(span -> span.kind().equals(kind));
  }

  /** The spans whose attribute {@code key} equals {@code value} (an {@code int} literal matches a {@code Long}). */
  public List<ReceivedSpan> withAttribute(String key, Object value) {
    return filter(span -> span.attributes().containsKey(key) && Values.matches(value, span.attribute(key)));
  }

  /** The spans that satisfy the predicate. */
  public List<ReceivedSpan> filter(Predicate<ReceivedSpan> predicate) {
    return spans.stream().filter(predicate).collect(Collectors.toUnmodifiableList());
  }

  /** The span's parent, when the parent is among these spans. */
  public Optional<ReceivedSpan> parentOf(ReceivedSpan span) {
    if (span.isRoot()) {
      return Optional.empty();
    }
    return spans.stream()
        .filter(candidate -> candidate.traceId().equals(span.traceId()) && candidate.spanId().equals(span.parentSpanId()))
        .findFirst();
  }

  /** The span's direct children, earliest first. */
  public List<ReceivedSpan> childrenOf(ReceivedSpan span) {
    return spans.stream()
        .filter(candidate -> candidate.traceId().equals(span.traceId()) && candidate.parentSpanId().equals(span.spanId()))
        .sorted(BY_START)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * A readable tree of every span, one per line, children indented under their parents and grouped by
   * trace; spans whose parent did not arrive are shown as roots, marked as orphans.
   */
  public String dump() {
    if (spans.isEmpty()) {
      return "(no spans received)";
    }
    Map<String, List<ReceivedSpan>> byTrace = new LinkedHashMap<>();
    spans.stream().sorted(BY_START).forEach(span -> byTrace.computeIfAbsent(span.traceId(), k -> new ArrayList<>()).add(span));
    StringBuilder out = new StringBuilder();
    out.append(spans.size()).append(spans.size() == 1 ? " span" : " spans").append(" in ").append(byTrace.size())
        .append(byTrace.size() == 1 ? " trace" : " traces").append(':');
    Set<ReceivedSpan> printed = new HashSet<>();
    for (Map.Entry<String, List<ReceivedSpan>> trace : byTrace.entrySet()) {
      out.append("\n trace ").append(trace.getKey());
      for (ReceivedSpan span : trace.getValue()) {
        Optional<ReceivedSpan> parent = parentOf(span);
        if (parent.isEmpty()) {
          appendTree(out, span, 1, !span.isRoot(), printed);
        }
      }
      // A parent cycle (only possible with corrupt ids) would otherwise hide spans from the dump.
      for (ReceivedSpan span : trace.getValue()) {
        if (!printed.contains(span)) {
          appendTree(out, span, 1, true, printed);
        }
      }
    }
    return out.toString();
  }

  private void appendTree(StringBuilder out, ReceivedSpan span, int depth, boolean orphan, Set<ReceivedSpan> printed) {
    if (!printed.add(span)) {
      return;
    }
    out.append('\n').append("  ".repeat(depth)).append(orphan ? "(orphan) " : "").append(span);
    for (ReceivedSpan child : childrenOf(span)) {
      appendTree(out, child, depth + 1, false, printed);
    }
  }

  /** The same as {@link #dump()}. */
  @Override
  public String toString() {
    return dump();
  }
}
