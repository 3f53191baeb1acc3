package io.tracewire.exporter;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes spans as a Zipkin v2 JSON span list, following the OpenTelemetry-to-Zipkin mapping.
 *
 * <p>Tags carry every span attribute as text (see {@link AttributeText}: arrays become JSON arrays,
 * as that mapping asks), then {@code otel.scope.name} / {@code otel.scope.version}, {@code
 * otel.status_code} ({@code OK} or {@code ERROR}), {@code error} (the status description, possibly
 * empty) for an error status, and {@code otel.dropped_*_count} when the SDK dropped data.
 */
final class ZipkinJsonEncoder {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final String DEFAULT_SERVICE_NAME =
      Resource.getDefault().getAttribute(SERVICE_NAME);

  private ZipkinJsonEncoder() {}

  static String encode(Collection<SpanData> spans) {
    JsonWriter writer = new JsonWriter();
    writer.beginArray();
    for (SpanData span : spans) {
      writeSpan(writer, span);
    }
    writer.endArray();
    return writer.toString();
  }

  private static void writeSpan(JsonWriter writer, SpanData span) {
    writer.beginObject();
    writer.field("traceId", span.getTraceId());
    if (span.getParentSpanContext().isValid()) {
      writer.field("parentId", span.getParentSpanId());
    }
    writer.field("id", span.getSpanId());
    SpanKind kind = span.getKind();
    if (kind != SpanKind.INTERNAL) {
      writer.field("kind", kind.name());
    }
    writer.field("name", span.getName());
    long start = micros(span.getStartEpochNanos());
    writer.field("timestamp", start);
    // Zipkin wants whole microseconds and reads a zero duration as "unknown".
    writer.field(
        "duration", Math.max(1, (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1000));

    writer.name("localEndpoint").beginObject();
    writer.field("serviceName", serviceName(span.getResource()));
    writer.endObject();
    if (kind == SpanKind.CLIENT || kind == SpanKind.PRODUCER) {
      ZipkinRemoteEndpoint.write(writer, span.getAttributes());
    }

    writeAnnotations(writer, span.getEvents());
    writeTags(writer, tags(span));
    writer.endObject();
  }

  private static String serviceName(Resource resource) {
    String name = resource.getAttribute(SERVICE_NAME);
    return name != null ? name : DEFAULT_SERVICE_NAME;
  }

  private static void writeAnnotations(JsonWriter writer, List<EventData> events) {
    if (events.isEmpty()) {
      return;
    }
    writer.name("annotations").beginArray();
    for (EventData event : events) {
      writer.beginObject();
      writer.field("timestamp", micros(event.getEpochNanos()));
      writer.field("value", annotationValue(event));
      writer.endObject();
    }
    writer.endArray();
  }

  /**
   * The event name alone, or, when the event has attributes, {@code "name":{"key":"value"}} as the
   * mapping asks, since Zipkin annotations have no attributes of their own.
   */
  private static String annotationValue(EventData event) {
    Attributes attributes = event.getAttributes();
    if (attributes.isEmpty()) {
      return event.getName();
    }
    StringBuilder value = new StringBuilder();
    JsonWriter.quote(value, event.getName());
    value.append(':');
    JsonWriter object = new JsonWriter(value);
    object.beginObject();
    attributes.forEach(
        (key, attributeValue) -> object.field(key.getKey(), AttributeText.of(attributeValue)));
    object.endObject();
    return value.toString();
  }

  private static Map<String, String> tags(SpanData span) {
    Map<String, String> tags = new LinkedHashMap<>();
    span.getAttributes().forEach((key, value) -> tags.put(key.getKey(), AttributeText.of(value)));

    InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
    putIfPresent(tags, "otel.scope.name", scope.getName());
    putIfPresent(tags, "otel.scope.version", scope.getVersion());

    StatusData status = span.getStatus();
    if (status.getStatusCode() == StatusCode.ERROR) {
      tags.put("otel.status_code", "ERROR");
      String description = status.getDescription();
      tags.put("error", description != null ? description : "");
    } else {
      // Zipkin marks any span carrying an "error" tag as failed, so a false one must go.
      if ("false".equals(tags.get("error"))) {
        tags.remove("error");
      }
      if (status.getStatusCode() == StatusCode.OK) {
        tags.put("otel.status_code", "OK");
      }
    }

    putCount(
        tags,
        "otel.dropped_attributes_count",
        span.getTotalAttributeCount() - span.getAttributes().size());
    putCount(
        tags, "otel.dropped_events_count", span.getTotalRecordedEvents() - span.getEvents().size());
    putCount(
        tags, "otel.dropped_links_count", span.getTotalRecordedLinks() - span.getLinks().size());
    return tags;
  }

  private static void writeTags(JsonWriter writer, Map<String, String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    writer.name("tags").beginObject();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      writer.field(tag.getKey(), tag.getValue());
    }
    writer.endObject();
  }

  private static void putIfPresent(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isEmpty()) {
      tags.put(key, value);
    }
  }

  private static void putCount(Map<String, String> tags, String key, int count) {
    if (count > 0) {
      tags.put(key, Integer.toString(count));
    }
  }

  private static long micros(long epochNanos) {
    return epochNanos / 1000;
  }
}
