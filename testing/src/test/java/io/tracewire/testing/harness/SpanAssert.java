package io.tracewire.testing.harness;

import java.util.Objects;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on one {@link ReceivedSpan}. Every failure message names what was expected and shows
 * the whole span.
 *
 * <pre>{@code
 * SpanAssert.assertThat(span).hasKind("CLIENT").hasAttribute("server.port", 5432L).hasParent(root);
 * }</pre>
 */
public final class SpanAssert {

  private final ReceivedSpan span;

  private SpanAssert(ReceivedSpan span) {
    this.span = span;
  }

  /** Starts assertions on a span. */
  public static SpanAssert assertThat(ReceivedSpan span) {
    if (span == null) {
      throw new AssertionFailedError("Expected a span but it was null");
    }
    return new SpanAssert(span);
  }

  /** The span under test. */
  public ReceivedSpan span() {
    return span;
  }

  /** The span has this name. */
  public SpanAssert hasName(String name) {
    return check(span.name().equals(name), "to be named \"" + name + "\"", name, span.name());
  }

  /** The span has this kind ({@code INTERNAL}, {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER}). */
  public SpanAssert hasKind(String kind) {
    return check(span.kind().equals(kind), "to have kind " + kind + " but it was " + span.kind(), kind, span.kind());
  }

  /**
   * The span has attribute {@code key} equal to {@code value}. Integral literals are compared as {@link Long}
   * and {@code float} as {@link Double}, so {@code hasAttribute("server.port", 5432)} works.
   */
  public SpanAssert hasAttribute(String key, Object value) {
    if (!span.attributes().containsKey(key)) {
      return failWith("to have attribute " + key + " = " + Values.describe(Values.normalize(value)) + " but it is absent",
          value, null);
    }
    Object actual = span.attribute(key);
    return check(Values.matches(value, actual),
        "to have attribute " + key + " = " + Values.describe(Values.normalize(value)) + " but it was " + Values.describe(actual),
        Values.normalize(value), actual);
  }

  /** The span has attribute {@code key}, whatever its value. */
  public SpanAssert hasAttribute(String key) {
    return check(span.attributes().containsKey(key), "to have attribute " + key + " but it is absent", key, null);
  }

  /** The span has no attribute {@code key}. */
  public SpanAssert hasNoAttribute(String key) {
    return check(!span.attributes().containsKey(key),
        "to have no attribute " + key + " but it was " + Values.describe(span.attribute(key)), null, span.attribute(key));
  }

  /** The span has attribute {@code key} and its value satisfies the predicate. */
  public SpanAssert hasAttributeMatching(String key, Predicate<Object> predicate) {
    if (!span.attributes().containsKey(key)) {
      return failWith("to have attribute " + key + " matching the predicate but it is absent", null, null);
    }
    Object actual = span.attribute(key);
    return check(predicate.test(actual),
        "to have attribute " + key + " matching the predicate but it was " + Values.describe(actual), null, actual);
  }

  /** The resource that reported the span has attribute {@code key} equal to {@code value}. */
  public SpanAssert hasResourceAttribute(String key, Object value) {
    Object actual = span.resourceAttributes().get(key);
    boolean present = span.resourceAttributes().containsKey(key);
    return check(present && Values.matches(value, actual),
        "to have resource attribute " + key + " = " + Values.describe(Values.normalize(value)) + " but it was "
            + (present ? Values.describe(actual) : "absent") + "; resource: " + span.resourceAttributes(),
        Values.normalize(value), actual);
  }

  /** The span's parent is {@code parent} (same trace, parent span id equals the other's span id). */
  public SpanAssert hasParent(ReceivedSpan parent) {
    Objects.requireNonNull(parent, "parent");
    boolean ok = span.traceId().equals(parent.traceId()) && span.parentSpanId().equals(parent.spanId());
    return check(ok, "to be a child of " + parent, parent.spanId(), span.parentSpanId());
  }

  /** The span has no parent. */
  public SpanAssert isRoot() {
    return check(span.isRoot(), "to be a root span but its parent is " + span.parentSpanId(), "", span.parentSpanId());
  }

  /** The span belongs to the same trace as {@code other}. */
  public SpanAssert isInSameTraceAs(ReceivedSpan other) {
    Objects.requireNonNull(other, "other");
    return check(span.traceId().equals(other.traceId()), "to be in the same trace as " + other, other.traceId(), span.traceId());
  }

  /** The span belongs to a different trace than {@code other}. */
  public SpanAssert isNotInSameTraceAs(ReceivedSpan other) {
    Objects.requireNonNull(other, "other");
    return check(!span.traceId().equals(other.traceId()), "to be in another trace than " + other, null, span.traceId());
  }

  /** The span's status code is {@code code} ({@code UNSET}, {@code OK} or {@code ERROR}). */
  public SpanAssert hasStatus(String code) {
    return check(span.statusCode().equals(code), "to have status " + code + " but it was " + span.statusCode(), code,
        span.statusCode());
  }

  /** The span's status description equals {@code message}. */
  public SpanAssert hasStatusMessage(String message) {
    return check(span.statusMessage().equals(message),
        "to have status message \"" + message + "\" but it was \"" + span.statusMessage() + "\"", message, span.statusMessage());
  }

  /** The span has at least one event with this name. */
  public SpanAssert hasEvent(String name) {
    return check(span.events().stream().anyMatch(event -> event.name().equals(name)),
        "to have an event named \"" + name + "\"; events: " + span.events(), name, null);
  }

  /** The span has no event with this name. */
  public SpanAssert hasNoEvent(String name) {
    return check(span.events().stream().noneMatch(event -> event.name().equals(name)),
        "to have no event named \"" + name + "\"; events: " + span.events(), null, name);
  }

  /** The span has a link to {@code target}. */
  public SpanAssert hasLinkTo(ReceivedSpan target) {
    Objects.requireNonNull(target, "target");
    boolean ok = span.links().stream()
        .anyMatch(link -> link.traceId().equals(target.traceId()) && link.spanId().equals(target.spanId()));
    return check(ok, "to link to " + target + "; links: " + span.links(), target.spanId(), null);
  }

  /** The span was reported by this instrumentation scope. */
  public SpanAssert hasScopeName(String scopeName) {
    return check(span.scopeName().equals(scopeName),
        "to have scope \"" + scopeName + "\" but it was \"" + span.scopeName() + "\"", scopeName, span.scopeName());
  }

  /** The span satisfies a custom condition, described for the failure message. */
  public SpanAssert satisfies(String description, Predicate<ReceivedSpan> condition) {
    return check(condition.test(span), "to satisfy: " + description, null, null);
  }

  private SpanAssert check(boolean ok, String expectation, Object expected, Object actual) {
    return ok ? this : failWith(expectation, expected, actual);
  }

  private SpanAssert failWith(String expectation, Object expected, Object actual) {
    String message = "Expected span \"" + span.name() + "\" " + expectation + "\n  span: " + span;
    // Only offer expected/actual to IDE diff views when there is something to compare.
    if (expected == null && actual == null) {
      throw new AssertionFailedError(message);
    }
    throw new AssertionFailedError(message, expected, actual);
  }
}
