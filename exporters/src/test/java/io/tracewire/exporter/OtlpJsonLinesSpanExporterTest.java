package io.tracewire.exporter;

import static io.tracewire.exporter.MiniJson.array;
import static io.tracewire.exporter.MiniJson.object;
import static io.tracewire.exporter.Spans.TRACE_ID;
import static io.tracewire.exporter.Spans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpJsonLinesSpanExporterTest {

  private static final InstrumentationScopeInfo JDBC_SCOPE =
      InstrumentationScopeInfo.builder("io.tracewire.jdbc").setVersion("0.1.0").build();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final OtlpJsonLinesSpanExporter exporter =
      new OtlpJsonLinesSpanExporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String output() {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void writesAFixedSpanExactly() {
    SpanData span =
        span("00f067aa0ba902b7", "53995c3f42cd8ad8", "SELECT orders", 1000, 1400)
            .setSpanContext(
                SpanContext.create(
                    TRACE_ID,
                    "00f067aa0ba902b7",
                    TraceFlags.getSampled(),
                    TraceState.builder().put("vendor", "abc").build()))
            .setInstrumentationScopeInfo(JDBC_SCOPE)
            .setKind(SpanKind.CLIENT)
            .setAttributes(
                Attributes.builder()
                    .put("db.system.name", "h2database")
                    .put("server.port", 5432L)
                    .build())
            .setTotalAttributeCount(3)
            .setEvents(
                List.of(
                    EventData.create(
                        Spans.T0 + 1_200_000,
                        "exception",
                        Attributes.of(
                            AttributeKey.stringKey("exception.type"), "java.sql.SQLException"))))
            .setTotalRecordedEvents(1)
            .setLinks(
                List.of(
                    LinkData.create(
                        Spans.remoteContext(
                            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"))))
            .setTotalRecordedLinks(2)
            .setStatus(StatusData.create(StatusCode.ERROR, "boom"))
            .build();

    assertTrue(exporter.export(List.of(span)).isSuccess());

    assertEquals(
        "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
            + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"demo-shop\"}}]},"
            + "\"scopeSpans\":[{\"scope\":{\"name\":\"io.tracewire.jdbc\",\"version\":\"0.1.0\"},"
            + "\"spans\":[{"
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"spanId\":\"00f067aa0ba902b7\","
            + "\"traceState\":\"vendor=abc\","
            + "\"parentSpanId\":\"53995c3f42cd8ad8\","
            + "\"flags\":257,"
            + "\"name\":\"SELECT orders\","
            + "\"kind\":3,"
            + "\"startTimeUnixNano\":\"1700000000001000000\","
            + "\"endTimeUnixNano\":\"1700000000001400000\","
            + "\"attributes\":["
            + "{\"key\":\"db.system.name\",\"value\":{\"stringValue\":\"h2database\"}},"
            + "{\"key\":\"server.port\",\"value\":{\"intValue\":\"5432\"}}],"
            + "\"droppedAttributesCount\":1,"
            + "\"events\":[{\"timeUnixNano\":\"1700000000001200000\",\"name\":\"exception\","
            + "\"attributes\":[{\"key\":\"exception.type\","
            + "\"value\":{\"stringValue\":\"java.sql.SQLException\"}}]}],"
            + "\"links\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
            + "\"spanId\":\"b7ad6b7169203331\",\"flags\":769}],"
            + "\"droppedLinksCount\":1,"
            + "\"status\":{\"message\":\"boom\",\"code\":2}"
            + "}]}]}]}\n",
        output().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void writesOneLinePerExport() {
    exporter.export(List.of(span("00000000000000a1", null, "one", 0, 1).build()));
    exporter.export(List.of(span("00000000000000a2", null, "two", 0, 1).build()));
    exporter.export(List.of());

    String[] lines = output().split(System.lineSeparator());
    assertEquals(2, lines.length);
    for (String line : lines) {
      MiniJson.parse(line);
    }
  }

  @Test
  void omitsTheParentOfARootAndWritesUnsetStatusAndKinds() {
    SpanKind[] kinds = SpanKind.values();
    for (int i = 0; i < kinds.length; i++) {
      exporter.export(
          List.of(span("00000000000000a" + i, null, "s", 0, 1).setKind(kinds[i]).build()));
    }
    String[] lines = output().split(System.lineSeparator());
    for (int i = 0; i < kinds.length; i++) {
      Map<String, Object> span = onlySpan(lines[i]);
      assertFalse(span.containsKey("parentSpanId"));
      assertEquals(BigDecimal.valueOf(OtlpJsonEncoder.kind(kinds[i])), span.get("kind"));
      assertEquals(Map.of("code", BigDecimal.ZERO), span.get("status"));
    }
    assertEquals(1, OtlpJsonEncoder.kind(SpanKind.INTERNAL));
    assertEquals(2, OtlpJsonEncoder.kind(SpanKind.SERVER));
    assertEquals(3, OtlpJsonEncoder.kind(SpanKind.CLIENT));
    assertEquals(4, OtlpJsonEncoder.kind(SpanKind.PRODUCER));
    assertEquals(5, OtlpJsonEncoder.kind(SpanKind.CONSUMER));
  }

  @Test
  void escapesStringsSoTheyReadBackUnchanged() {
    String nasty = "q\"uote b\\ack\nnew\rret\ttab \u0001\u001f ls\u2028ps\u2029 é 😀 </script>";
    exporter.export(
        List.of(
            span("00000000000000a1", null, nasty, 0, 1)
                .setAttributes(Attributes.of(AttributeKey.stringKey(nasty), nasty))
                .build()));

    String out = output();
    String line = out.substring(0, out.length() - System.lineSeparator().length());
    for (char c : line.toCharArray()) {
      assertTrue(c >= 0x20 && c != '\u2028' && c != '\u2029', "raw character " + (int) c);
    }
    Map<String, Object> span = onlySpan(line);
    assertEquals(nasty, span.get("name"));
    Map<String, Object> attribute = object(array(span.get("attributes")).get(0));
    assertEquals(nasty, attribute.get("key"));
    assertEquals(Map.of("stringValue", nasty), attribute.get("value"));
  }

  @Test
  void encodesEveryKindOfAttributeValue() {
    Attributes attributes =
        Attributes.builder()
            .put("bool", true)
            .put("long", -42L)
            .put("double", 1.5)
            .put("nan", Double.NaN)
            .put(AttributeKey.stringArrayKey("strings"), Arrays.asList("a", "b"))
            .put(AttributeKey.longArrayKey("longs"), Arrays.asList(1L, 2L))
            .put(AttributeKey.booleanArrayKey("bools"), List.of(false))
            .put(AttributeKey.doubleArrayKey("doubles"), List.of(0.25))
            .put(
                AttributeKey.valueKey("map"),
                Value.of(KeyValue.of("k", Value.of("v")), KeyValue.of("n", Value.of(7L))))
            .put(AttributeKey.valueKey("bytes"), Value.of(new byte[] {1, 2, 3}))
            .put(AttributeKey.valueKey("empty"), Value.empty())
            .build();
    exporter.export(
        List.of(span("00000000000000a1", null, "s", 0, 1).setAttributes(attributes).build()));

    Map<String, Object> values = new java.util.HashMap<>();
    for (Object entry : array(onlySpan(output().trim()).get("attributes"))) {
      values.put((String) object(entry).get("key"), object(entry).get("value"));
    }
    assertEquals(Map.of("boolValue", true), values.get("bool"));
    assertEquals(Map.of("intValue", "-42"), values.get("long"));
    assertEquals(Map.of("doubleValue", new BigDecimal("1.5")), values.get("double"));
    assertEquals(Map.of("doubleValue", "NaN"), values.get("nan"));
    assertEquals(
        Map.of(
            "arrayValue",
            Map.of("values", List.of(Map.of("stringValue", "a"), Map.of("stringValue", "b")))),
        values.get("strings"));
    assertEquals(
        Map.of(
            "arrayValue",
            Map.of("values", List.of(Map.of("intValue", "1"), Map.of("intValue", "2")))),
        values.get("longs"));
    assertEquals(
        Map.of("arrayValue", Map.of("values", List.of(Map.of("boolValue", false)))),
        values.get("bools"));
    assertEquals(
        Map.of(
            "arrayValue", Map.of("values", List.of(Map.of("doubleValue", new BigDecimal("0.25"))))),
        values.get("doubles"));
    assertEquals(
        Map.of(
            "kvlistValue",
            Map.of(
                "values",
                List.of(
                    Map.of("key", "k", "value", Map.of("stringValue", "v")),
                    Map.of("key", "n", "value", Map.of("intValue", "7"))))),
        values.get("map"));
    assertEquals(Map.of("bytesValue", "AQID"), values.get("bytes"));
    assertEquals(Map.of(), values.get("empty"));
  }

  @Test
  void groupsSpansByResourceThenScope() {
    Resource other =
        Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "billing"),
            "https://opentelemetry.io/schemas/1.30.0");
    InstrumentationScopeInfo methods =
        InstrumentationScopeInfo.builder("io.tracewire.methods")
            .setSchemaUrl("https://opentelemetry.io/schemas/1.30.0")
            .setAttributes(Attributes.of(AttributeKey.stringKey("scope.attr"), "x"))
            .build();
    List<SpanData> spans =
        Arrays.asList(
            span("00000000000000a1", null, "shop-jdbc-1", 0, 1)
                .setInstrumentationScopeInfo(JDBC_SCOPE)
                .build(),
            span("00000000000000a2", null, "billing-jdbc", 0, 1)
                .setResource(other)
                .setInstrumentationScopeInfo(JDBC_SCOPE)
                .build(),
            span("00000000000000a3", null, "shop-methods", 0, 1)
                .setInstrumentationScopeInfo(methods)
                .build(),
            span("00000000000000a4", null, "shop-jdbc-2", 0, 1)
                .setInstrumentationScopeInfo(JDBC_SCOPE)
                .build());

    exporter.export(spans);

    List<Object> resourceSpans =
        array(object(MiniJson.parse(output().trim())).get("resourceSpans"));
    assertEquals(2, resourceSpans.size());

    Map<String, Object> shop = object(resourceSpans.get(0));
    assertFalse(shop.containsKey("schemaUrl"));
    List<Object> shopScopes = array(shop.get("scopeSpans"));
    assertEquals(2, shopScopes.size());
    assertEquals(List.of("shop-jdbc-1", "shop-jdbc-2"), names(shopScopes.get(0)));
    assertEquals(List.of("shop-methods"), names(shopScopes.get(1)));
    Map<String, Object> methodsScope = object(shopScopes.get(1));
    assertEquals("https://opentelemetry.io/schemas/1.30.0", methodsScope.get("schemaUrl"));
    assertEquals(
        Map.of(
            "name",
            "io.tracewire.methods",
            "attributes",
            List.of(Map.of("key", "scope.attr", "value", Map.of("stringValue", "x")))),
        methodsScope.get("scope"));

    Map<String, Object> billing = object(resourceSpans.get(1));
    assertEquals("https://opentelemetry.io/schemas/1.30.0", billing.get("schemaUrl"));
    assertEquals(List.of("billing-jdbc"), names(array(billing.get("scopeSpans")).get(0)));
  }

  @Test
  void failsAfterShutdown() {
    assertTrue(exporter.shutdown().isSuccess());
    assertFalse(
        exporter.export(List.of(span("00000000000000a1", null, "s", 0, 1).build())).isSuccess());
    assertEquals("", output());
  }

  private static List<Object> names(Object scopeSpans) {
    return array(object(scopeSpans).get("spans")).stream()
        .map(span -> object(span).get("name"))
        .collect(java.util.stream.Collectors.toList());
  }

  private static Map<String, Object> onlySpan(String line) {
    Map<String, Object> request = object(MiniJson.parse(line));
    Object resourceSpans = array(request.get("resourceSpans")).get(0);
    Object scopeSpans = array(object(resourceSpans).get("scopeSpans")).get(0);
    List<Object> spans = array(object(scopeSpans).get("spans"));
    assertEquals(1, spans.size());
    return object(spans.get(0));
  }
}
