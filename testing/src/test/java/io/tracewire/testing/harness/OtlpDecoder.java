package io.tracewire.testing.harness;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns OTLP protobuf messages into {@link ReceivedSpan}s. */
final class OtlpDecoder {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private OtlpDecoder() {}

  /** Every span of the request, in the order it was sent. */
  static List<ReceivedSpan> decode(ExportTraceServiceRequest request) {
    List<ReceivedSpan> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Resource resource = resourceSpans.getResource();
      Map<String, Object> resourceAttributes = attributes(resource.getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        InstrumentationScope scope = scopeSpans.getScope();
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(decode(span, resourceAttributes, scope));
        }
      }
    }
    return spans;
  }

  private static ReceivedSpan decode(Span span, Map<String, Object> resourceAttributes, InstrumentationScope scope) {
    List<ReceivedSpan.Event> events = new ArrayList<>();
    for (Span.Event event : span.getEventsList()) {
      events.add(new ReceivedSpan.Event(event.getName(), event.getTimeUnixNano(), attributes(event.getAttributesList())));
    }
    List<ReceivedSpan.Link> links = new ArrayList<>();
    for (Span.Link link : span.getLinksList()) {
      links.add(new ReceivedSpan.Link(hex(link.getTraceId()), hex(link.getSpanId()), attributes(link.getAttributesList())));
    }
    return new ReceivedSpan(
        span.getName(),
        stripPrefix(span.getKind().name(), "SPAN_KIND_"),
        hex(span.getTraceId()),
        hex(span.getSpanId()),
        parentId(span.getParentSpanId()),
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano(),
        attributes(span.getAttributesList()),
        stripPrefix(span.getStatus().getCode().name(), "STATUS_CODE_"),
        span.getStatus().getMessage(),
        events,
        links,
        resourceAttributes,
        scope.getName(),
        scope.getVersion());
  }

  static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      map.put(keyValue.getKey(), value(keyValue.getValue()));
    }
    return map;
  }

  static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case ARRAY_VALUE:
        List<Object> list = new ArrayList<>();
        for (AnyValue element : value.getArrayValue().getValuesList()) {
          list.add(value(element));
        }
        return Collections.unmodifiableList(list);
      case KVLIST_VALUE:
        return Collections.unmodifiableMap(attributes(value.getKvlistValue().getValuesList()));
      case BYTES_VALUE:
        return hex(value.getBytesValue());
      default:
        return null;
    }
  }

  static String hex(ByteString bytes) {
    char[] out = new char[bytes.size() * 2];
    for (int i = 0; i < bytes.size(); i++) {
      int b = bytes.byteAt(i) & 0xff;
      out[2 * i] = HEX[b >>> 4];
      out[2 * i + 1] = HEX[b & 0x0f];
    }
    return new String(out);
  }

  // An all-zero id is as invalid as an absent one; both mean "root".
  private static String parentId(ByteString bytes) {
    String hex = hex(bytes);
    return hex.chars().allMatch(c -> c == '0') ? "" : hex;
  }

  private static String stripPrefix(String name, String prefix) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }
}
