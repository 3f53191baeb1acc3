package io.tracewire.exporter;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes spans as one OTLP/JSON {@code ExportTraceServiceRequest}.
 *
 * <p>Follows the OTLP/JSON rules: lower camelCase field names, trace and span ids as hex strings,
 * enums as integers, 64-bit integers as decimal strings. Fields holding their protobuf default (an
 * empty list, a zero count, no parent) are left out, as the protobuf JSON mapping does.
 */
final class OtlpJsonEncoder {

  // Span.flags bits 8 and 9 (trace.proto SpanFlags): "is the parent remote" is known, and its
  // value.
  private static final int CONTEXT_HAS_IS_REMOTE = 0x100;
  private static final int CONTEXT_IS_REMOTE = 0x200;

  private OtlpJsonEncoder() {}

  static String encode(Collection<SpanData> spans) {
    JsonWriter writer = new JsonWriter();
    writer.beginObject().name("resourceSpans").beginArray();
    for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> byResource :
        group(spans).entrySet()) {
      writeResourceSpans(writer, byResource.getKey(), byResource.getValue());
    }
    writer.endArray().endObject();
    return writer.toString();
  }

  private static Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> group(
      Collection<SpanData> spans) {
    Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> groups = new LinkedHashMap<>();
    for (SpanData span : spans) {
      groups
          .computeIfAbsent(span.getResource(), resource -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), scope -> new ArrayList<>())
          .add(span);
    }
    return groups;
  }

  private static void writeResourceSpans(
      JsonWriter writer, Resource resource, Map<InstrumentationScopeInfo, List<SpanData>> byScope) {
    writer.beginObject().name("resource").beginObject();
    OtlpAnyValue.writeAttributes(writer, resource.getAttributes());
    writer.endObject();
    writer.name("scopeSpans").beginArray();
    for (Map.Entry<InstrumentationScopeInfo, List<SpanData>> entry : byScope.entrySet()) {
      writeScopeSpans(writer, entry.getKey(), entry.getValue());
    }
    writer.endArray();
    writeIfPresent(writer, "schemaUrl", resource.getSchemaUrl());
    writer.endObject();
  }

  private static void writeScopeSpans(
      JsonWriter writer, InstrumentationScopeInfo scope, List<SpanData> spans) {
    writer.beginObject().name("scope").beginObject();
    writer.field("name", scope.getName());
    writeIfPresent(writer, "version", scope.getVersion());
    OtlpAnyValue.writeAttributes(writer, scope.getAttributes());
    writer.endObject();
    writer.name("spans").beginArray();
    for (SpanData span : spans) {
      writeSpan(writer, span);
    }
    writer.endArray();
    writeIfPresent(writer, "schemaUrl", scope.getSchemaUrl());
    writer.endObject();
  }

  private static void writeSpan(JsonWriter writer, SpanData span) {
    SpanContext context = span.getSpanContext();
    SpanContext parent = span.getParentSpanContext();
    writer.beginObject();
    writer.field("traceId", context.getTraceId());
    writer.field("spanId", context.getSpanId());
    writeTraceState(writer, context.getTraceState());
    if (parent.isValid()) {
      writer.field("parentSpanId", parent.getSpanId());
    }
    writer.field("flags", flags(context, parent.isRemote()));
    writer.field("name", span.getName());
    writer.field("kind", kind(span.getKind()));
    writer.field("startTimeUnixNano", Long.toString(span.getStartEpochNanos()));
    writer.field("endTimeUnixNano", Long.toString(span.getEndEpochNanos()));
    OtlpAnyValue.writeAttributes(writer, span.getAttributes());
    writeCount(
        writer,
        "droppedAttributesCount",
        span.getTotalAttributeCount() - span.getAttributes().size());
    writeEvents(writer, span.getEvents());
    writeCount(
        writer, "droppedEventsCount", span.getTotalRecordedEvents() - span.getEvents().size());
    writeLinks(writer, span.getLinks());
    writeCount(writer, "droppedLinksCount", span.getTotalRecordedLinks() - span.getLinks().size());
    writeStatus(writer, span.getStatus());
    writer.endObject();
  }

  private static void writeEvents(JsonWriter writer, List<EventData> events) {
    if (events.isEmpty()) {
      return;
    }
    writer.name("events").beginArray();
    for (EventData event : events) {
      writer.beginObject();
      writer.field("timeUnixNano", Long.toString(event.getEpochNanos()));
      writer.field("name", event.getName());
      OtlpAnyValue.writeAttributes(writer, event.getAttributes());
      writeCount(writer, "droppedAttributesCount", event.getDroppedAttributesCount());
      writer.endObject();
    }
    writer.endArray();
  }

  private static void writeLinks(JsonWriter writer, List<LinkData> links) {
    if (links.isEmpty()) {
      return;
    }
    writer.name("links").beginArray();
    for (LinkData link : links) {
      SpanContext context = link.getSpanContext();
      writer.beginObject();
      writer.field("traceId", context.getTraceId());
      writer.field("spanId", context.getSpanId());
      writeTraceState(writer, context.getTraceState());
      OtlpAnyValue.writeAttributes(writer, link.getAttributes());
      writeCount(
          writer,
          "droppedAttributesCount",
          link.getTotalAttributeCount() - link.getAttributes().size());
      // For a link, the remote bits describe the linked span context itself.
      writer.field("flags", flags(context, context.isRemote()));
      writer.endObject();
    }
    writer.endArray();
  }

  private static void writeStatus(JsonWriter writer, StatusData status) {
    writer.name("status").beginObject();
    String description = status.getDescription();
    if (description != null && !description.isEmpty()) {
      writer.field("message", description);
    }
    writer.field("code", statusCode(status));
    writer.endObject();
  }

  private static void writeTraceState(JsonWriter writer, TraceState traceState) {
    if (traceState.isEmpty()) {
      return;
    }
    // The W3C tracestate header form, which is what the OTLP field carries.
    StringBuilder header = new StringBuilder();
    traceState.forEach(
        (key, value) -> {
          if (header.length() > 0) {
            header.append(',');
          }
          header.append(key).append('=').append(value);
        });
    writer.field("traceState", header.toString());
  }

  private static void writeIfPresent(JsonWriter writer, String name, String value) {
    if (value != null && !value.isEmpty()) {
      writer.field(name, value);
    }
  }

  private static void writeCount(JsonWriter writer, String name, int count) {
    if (count > 0) {
      writer.field(name, count);
    }
  }

  private static int flags(SpanContext context, boolean remote) {
    int flags = (context.getTraceFlags().asByte() & 0xff) | CONTEXT_HAS_IS_REMOTE;
    return remote ? flags | CONTEXT_IS_REMOTE : flags;
  }

  static int kind(SpanKind kind) {
    switch (kind) {
      case INTERNAL:
        return 1;
      case SERVER:
        return 2;
      case CLIENT:
        return 3;
      case PRODUCER:
        return 4;
      case CONSUMER:
        return 5;
      default:
        return 0;
    }
  }

  private static int statusCode(StatusData status) {
    switch (status.getStatusCode()) {
      case OK:
        return 1;
      case ERROR:
        return 2;
      default:
        return 0;
    }
  }
}
