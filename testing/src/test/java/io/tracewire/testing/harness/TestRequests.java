package io.tracewire.testing.harness;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** Hand-built OTLP requests for the harness self-tests (also used by a child JVM, so no JUnit here). */
final class TestRequests {

  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String PARENT_ID = "b7ad6b7169203331";
  static final String CHILD_ID = "00f067aa0ba902b7";
  static final String LINKED_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String LINKED_SPAN_ID = "53995c3f42cd8ad8";
  static final long START = 1_700_000_000_000_000_000L;

  private TestRequests() {}

  /**
   * One resource ({@code service.name=checkout}), one scope ({@code tracewire-jdbc 0.1.0}), a SERVER root
   * "GET /orders" and its CLIENT child "SELECT orders" that failed, with attributes of every type, an
   * exception event and a link.
   */
  static ExportTraceServiceRequest parentAndChild() {
    Span parent = Span.newBuilder()
        .setTraceId(bytes(TRACE_ID))
        .setSpanId(bytes(PARENT_ID))
        .setName("GET /orders")
        .setKind(Span.SpanKind.SPAN_KIND_SERVER)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 5_000_000)
        .addAttributes(attribute("http.request.method", AnyValue.newBuilder().setStringValue("GET")))
        .addAttributes(attribute("http.response.status_code", AnyValue.newBuilder().setIntValue(200)))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_UNSET))
        .build();
    Span child = Span.newBuilder()
        .setTraceId(bytes(TRACE_ID))
        .setSpanId(bytes(CHILD_ID))
        .setParentSpanId(bytes(PARENT_ID))
        .setName("SELECT orders")
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(START + 1_000_000)
        .setEndTimeUnixNano(START + 4_000_000)
        .addAttributes(attribute("db.system.name", AnyValue.newBuilder().setStringValue("postgresql")))
        .addAttributes(attribute("server.port", AnyValue.newBuilder().setIntValue(5432)))
        .addAttributes(attribute("db.client.ratio", AnyValue.newBuilder().setDoubleValue(0.25)))
        .addAttributes(attribute("db.cached", AnyValue.newBuilder().setBoolValue(true)))
        .addAttributes(attribute("db.tags", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
            .addValues(AnyValue.newBuilder().setStringValue("a"))
            .addValues(AnyValue.newBuilder().setStringValue("b")))))
        .addEvents(Span.Event.newBuilder()
            .setName("exception")
            .setTimeUnixNano(START + 3_000_000)
            .addAttributes(attribute("exception.type", AnyValue.newBuilder().setStringValue("java.sql.SQLException")))
            .addAttributes(attribute("exception.message", AnyValue.newBuilder().setStringValue("table missing"))))
        .addLinks(Span.Link.newBuilder()
            .setTraceId(bytes(LINKED_TRACE_ID))
            .setSpanId(bytes(LINKED_SPAN_ID))
            .addAttributes(attribute("link.reason", AnyValue.newBuilder().setStringValue("batch"))))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("table missing"))
        .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder()
                .addAttributes(attribute("service.name", AnyValue.newBuilder().setStringValue("checkout")))
                .addAttributes(attribute("process.pid", AnyValue.newBuilder().setIntValue(4242))))
            .addScopeSpans(ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("tracewire-jdbc").setVersion("0.1.0"))
                // Child first: receivers must not rely on parents arriving before children.
                .addSpans(child)
                .addSpans(parent)))
        .build();
  }

  private static KeyValue attribute(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static ByteString bytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return ByteString.copyFrom(out);
  }
}
