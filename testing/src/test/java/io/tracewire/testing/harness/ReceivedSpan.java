package io.tracewire.testing.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One span as the OTLP receiver decoded it, detached from the protobuf classes so tests compare plain
 * Java values.
 *
 * <p>Attribute values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@code List<Object>}
 * of those (for OTLP arrays), {@code Map<String, Object>} (for OTLP key/value lists), a lowercase hex
 * {@link String} (for OTLP bytes) or {@code null} (for an empty OTLP value). Ids are lowercase hex.
 */
public final class ReceivedSpan {

  /** A span event: its name, time and attributes. */
  public record Event(String name, long epochNanos, Map<String, Object> attributes) {
    /** Creates an event; the attribute map is copied. */
    public Event {
      attributes = freeze(attributes);
    }
  }

  /** A link to another span: its trace id, span id (lowercase hex) and the link's attributes. */
  public record Link(String traceId, String spanId, Map<String, Object> attributes) {
    /** Creates a link; the attribute map is copied. */
    public Link {
      attributes = freeze(attributes);
    }
  }

  private final String name;
  private final String kind;
  private final String traceId;
  private final String spanId;
  private final String parentSpanId;
  private final long startEpochNanos;
  private final long endEpochNanos;
  private final Map<String, Object> attributes;
  private final String statusCode;
  private final String statusMessage;
  private final List<Event> events;
  private final List<Link> links;
  private final Map<String, Object> resourceAttributes;
  private final String scopeName;
  private final String scopeVersion;

  ReceivedSpan(
      String name,
      String kind,
      String traceId,
      String spanId,
      String parentSpanId,
      long startEpochNanos,
      long endEpochNanos,
      Map<String, Object> attributes,
      String statusCode,
      String statusMessage,
      List<Event> events,
      List<Link> links,
      Map<String, Object> resourceAttributes,
      String scopeName,
      String scopeVersion) {
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    this.traceId = Objects.requireNonNull(traceId);
    this.spanId = Objects.requireNonNull(spanId);
    this.parentSpanId = Objects.requireNonNull(parentSpanId);
    this.startEpochNanos = startEpochNanos;
    this.endEpochNanos = endEpochNanos;
    this.attributes = freeze(attributes);
    this.statusCode = Objects.requireNonNull(statusCode);
    this.statusMessage = Objects.requireNonNull(statusMessage);
    this.events = List.copyOf(events);
    this.links = List.copyOf(links);
    this.resourceAttributes = freeze(resourceAttributes);
    this.scopeName = Objects.requireNonNull(scopeName);
    this.scopeVersion = Objects.requireNonNull(scopeVersion);
  }

  /** The span name. */
  public String name() {
    return name;
  }

  /** {@code INTERNAL}, {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or {@code UNSPECIFIED}. */
  public String kind() {
    return kind;
  }

  /** The trace id, 32 lowercase hex digits. */
  public String traceId() {
    return traceId;
  }

  /** The span id, 16 lowercase hex digits. */
  public String spanId() {
    return spanId;
  }

  /** The parent's span id in lowercase hex, or {@code ""} for a root span. */
  public String parentSpanId() {
    return parentSpanId;
  }

  /** Whether the span has no parent. */
  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  /** Start time in nanoseconds since the epoch. */
  public long startEpochNanos() {
    return startEpochNanos;
  }

  /** End time in nanoseconds since the epoch. */
  public long endEpochNanos() {
    return endEpochNanos;
  }

  /** The span attributes, in the order they were received; unmodifiable. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** The value of one attribute, or {@code null} when absent. */
  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** {@code UNSET}, {@code OK} or {@code ERROR}. */
  public String statusCode() {
    return statusCode;
  }

  /** The status description, {@code ""} when none. */
  public String statusMessage() {
    return statusMessage;
  }

  /** The span events, in order. */
  public List<Event> events() {
    return events;
  }

  /** The span links, in order. */
  public List<Link> links() {
    return links;
  }

  /** The attributes of the resource that reported the span; unmodifiable. */
  public Map<String, Object> resourceAttributes() {
    return resourceAttributes;
  }

  /** The instrumentation scope name, {@code ""} when none. */
  public String scopeName() {
    return scopeName;
  }

  /** The instrumentation scope version, {@code ""} when none. */
  public String scopeVersion() {
    return scopeVersion;
  }

  /** One readable line: name, kind, ids, status, attributes, events, links and scope. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    line.append('"').append(name).append("\" ").append(kind);
    line.append(" trace=").append(traceId).append(" span=").append(spanId);
    line.append(" parent=").append(parentSpanId.isEmpty() ? "-" : parentSpanId);
    line.append(" status=").append(statusCode);
    if (!statusMessage.isEmpty()) {
      line.append("(\"").append(statusMessage).append("\")");
    }
    line.append(" attrs=").append(attributes);
    if (!events.isEmpty()) {
      line.append(" events=")
          .append(events.stream().map(Event::name).collect(Collectors.joining(",", "[", "]")));
    }
    if (!links.isEmpty()) {
      line.append(" links=")
          .append(links.stream().map(l -> l.traceId() + "/" + l.spanId()).collect(Collectors.joining(",", "[", "]")));
    }
    line.append(" scope=").append(scopeName.isEmpty() ? "-" : scopeName);
    if (!scopeVersion.isEmpty()) {
      line.append('@').append(scopeVersion);
    }
    Object service = resourceAttributes.get("service.name");
    if (service != null) {
      line.append(" service=").append(service);
    }
    return line.toString();
  }

  // Unmodifiable, order-preserving, and tolerant of null values (an empty OTLP AnyValue).
  private static Map<String, Object> freeze(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
