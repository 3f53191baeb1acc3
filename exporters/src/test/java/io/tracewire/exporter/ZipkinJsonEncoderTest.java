package io.tracewire.exporter;

import static io.tracewire.exporter.MiniJson.array;
import static io.tracewire.exporter.MiniJson.object;
import static io.tracewire.exporter.Spans.TRACE_ID;
import static io.tracewire.exporter.Spans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZipkinJsonEncoderTest {

  private static Map<String, Object> encodeOne(SpanData span) {
    List<Object> spans = array(MiniJson.parse(ZipkinJsonEncoder.encode(List.of(span))));
    assertEquals(1, spans.size());
    return object(spans.get(0));
  }

  @Test
  void writesAFixedClientSpanExactly() {
    SpanData span =
        span("00f067aa0ba902b7", "53995c3f42cd8ad8", "SELECT orders", 1000, 1400)
            .setKind(SpanKind.CLIENT)
            .setInstrumentationScopeInfo(
                InstrumentationScopeInfo.builder("io.tracewire.jdbc").setVersion("0.1.0").build())
            .setAttributes(
                Attributes.builder()
                    .put("db.system.name", "postgresql")
                    .put("server.address", "db.internal")
                    .put("server.port", 5432L)
                    .build())
            .build();

    assertEquals(
        "[{\"traceId\":\""
            + TRACE_ID
            + "\",\"parentId\":\"53995c3f42cd8ad8\","
            + "\"id\":\"00f067aa0ba902b7\",\"kind\":\"CLIENT\",\"name\":\"SELECT orders\","
            + "\"timestamp\":1700000000001000,\"duration\":400,"
            + "\"localEndpoint\":{\"serviceName\":\"demo-shop\"},"
            + "\"remoteEndpoint\":{\"serviceName\":\"db.internal\",\"port\":5432},"
            + "\"tags\":{\"db.system.name\":\"postgresql\",\"server.address\":\"db.internal\","
            + "\"server.port\":\"5432\",\"otel.scope.name\":\"io.tracewire.jdbc\","
            + "\"otel.scope.version\":\"0.1.0\"}}]",
        ZipkinJsonEncoder.encode(List.of(span)));
  }

  @Test
  void omitsKindAndParentForAnInternalRoot() {
    Map<String, Object> span = encodeOne(span("00000000000000a1", null, "work", 0, 0).build());
    assertFalse(span.containsKey("kind"));
    assertFalse(span.containsKey("parentId"));
    assertFalse(span.containsKey("remoteEndpoint"));
    assertFalse(span.containsKey("annotations"));
    assertFalse(span.containsKey("tags"), "empty scope name, no attributes, unset status");
    assertEquals(BigDecimal.ONE, span.get("duration"), "Zipkin reads 0 as unknown");
  }

  @Test
  void mapsOtherKindsAndOnlyGivesClientsAndProducersARemoteEndpoint() {
    Attributes peer = Attributes.of(AttributeKey.stringKey("server.address"), "10.0.0.7");
    for (SpanKind kind : Arrays.asList(SpanKind.SERVER, SpanKind.CONSUMER)) {
      Map<String, Object> span =
          encodeOne(
              span("00000000000000a1", null, "s", 0, 5).setKind(kind).setAttributes(peer).build());
      assertEquals(kind.name(), span.get("kind"));
      assertFalse(span.containsKey("remoteEndpoint"));
    }
    Map<String, Object> producer =
        encodeOne(
            span("00000000000000a1", null, "s", 0, 5)
                .setKind(SpanKind.PRODUCER)
                .setAttributes(peer)
                .build());
    assertEquals("PRODUCER", producer.get("kind"));
    assertEquals(Map.of("ipv4", "10.0.0.7"), producer.get("remoteEndpoint"));
  }

  @Test
  void derivesTheRemoteEndpointFromPeerAttributes() {
    assertEquals(
        Map.of("serviceName", "inventory", "ipv4", "192.168.1.9", "port", new BigDecimal(8080)),
        remote(
            Attributes.builder()
                .put("peer.service", "inventory")
                .put("server.address", "inventory.local")
                .put("network.peer.address", "192.168.1.9")
                .put("network.peer.port", 8080L)
                .build()));
    assertEquals(
        Map.of("ipv6", "::1", "port", new BigDecimal(5432)),
        remote(
            Attributes.builder()
                .put("network.peer.address", "[::1]")
                .put("network.peer.port", 5432L)
                .build()));
    assertEquals(
        Map.of(
            "serviceName", "db.example.com", "ipv6", "2001:db8::5", "port", new BigDecimal(3306)),
        remote(
            Attributes.builder()
                .put("server.address", "db.example.com")
                .put("server.port", 3306L)
                .put("network.peer.address", "2001:db8::5%eth0")
                .put("network.peer.port", 50000L)
                .build()));
    assertNull(remote(Attributes.of(AttributeKey.longKey("server.port"), 80L)));
    assertFalse(ZipkinRemoteEndpoint.isIpLiteral("256.1.1.1"));
    assertFalse(ZipkinRemoteEndpoint.isIpLiteral("1.2.3"));
    assertFalse(ZipkinRemoteEndpoint.isIpLiteral("cafe.example"));
  }

  private static Object remote(Attributes attributes) {
    return encodeOne(
            span("00000000000000a1", null, "s", 0, 5)
                .setKind(SpanKind.CLIENT)
                .setAttributes(attributes)
                .build())
        .get("remoteEndpoint");
  }

  @Test
  void rendersAllAttributesAsStringTags() {
    Map<String, Object> tags =
        object(
            encodeOne(
                    span("00000000000000a1", null, "s", 0, 5)
                        .setAttributes(
                            Attributes.builder()
                                .put("bool", false)
                                .put("long", 7L)
                                .put("double", 2.5)
                                .put(
                                    AttributeKey.stringArrayKey("strings"),
                                    Arrays.asList("a", "b,c"))
                                .put(AttributeKey.longArrayKey("longs"), Arrays.asList(1L, 2L))
                                .build())
                        .build())
                .get("tags"));
    assertEquals("false", tags.get("bool"));
    assertEquals("7", tags.get("long"));
    assertEquals("2.5", tags.get("double"));
    assertEquals("[\"a\",\"b,c\"]", tags.get("strings"));
    assertEquals("[1,2]", tags.get("longs"));
  }

  @Test
  void reportsStatusAsTags() {
    Map<String, Object> failed =
        object(
            encodeOne(
                    span("00000000000000a1", null, "s", 0, 5)
                        .setStatus(StatusData.create(StatusCode.ERROR, "Connection refused"))
                        .setAttributes(
                            Attributes.of(
                                AttributeKey.stringKey("error.type"), "java.net.ConnectException"))
                        .build())
                .get("tags"));
    assertEquals("ERROR", failed.get("otel.status_code"));
    assertEquals("Connection refused", failed.get("error"));
    assertEquals("java.net.ConnectException", failed.get("error.type"));

    Map<String, Object> noDescription =
        object(
            encodeOne(
                    span("00000000000000a1", null, "s", 0, 5).setStatus(StatusData.error()).build())
                .get("tags"));
    assertEquals("", noDescription.get("error"));

    Map<String, Object> ok =
        object(
            encodeOne(
                    span("00000000000000a1", null, "s", 0, 5)
                        .setStatus(StatusData.ok())
                        .setAttributes(Attributes.of(AttributeKey.booleanKey("error"), false))
                        .build())
                .get("tags"));
    assertEquals(
        Map.of("otel.status_code", "OK"), ok, "a false error tag would mark the span failed");
  }

  @Test
  void turnsEventsIntoAnnotationsAndCountsDroppedData() {
    SpanData span =
        span("00000000000000a1", null, "s", 0, 5000)
            .setEvents(
                List.of(
                    EventData.create(Spans.T0 + 1_500_000, "cache miss", Attributes.empty()),
                    EventData.create(
                        Spans.T0 + 2_000_999,
                        "exception",
                        Attributes.of(AttributeKey.stringKey("exception.message"), "say \"hi\""))))
            .setTotalRecordedEvents(5)
            .setTotalAttributeCount(2)
            .build();
    Map<String, Object> zipkin = encodeOne(span);

    assertEquals(
        List.of(
            Map.of("timestamp", new BigDecimal(1700000000001500L), "value", "cache miss"),
            Map.of(
                "timestamp",
                new BigDecimal(1700000000002000L),
                "value",
                "\"exception\":{\"exception.message\":\"say \\\"hi\\\"\"}")),
        zipkin.get("annotations"));
    Map<String, Object> tags = object(zipkin.get("tags"));
    assertEquals("3", tags.get("otel.dropped_events_count"));
    assertEquals("2", tags.get("otel.dropped_attributes_count"));
  }

  @Test
  void fallsBackToTheDefaultServiceName() {
    Map<String, Object> span =
        encodeOne(span("00000000000000a1", null, "s", 0, 5).setResource(Resource.empty()).build());
    Object serviceName = object(span.get("localEndpoint")).get("serviceName");
    assertTrue(
        String.valueOf(serviceName).startsWith("unknown_service"), String.valueOf(serviceName));
  }
}
