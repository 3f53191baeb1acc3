package io.tracewire.testing.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

class OtlpReceiverTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private OtlpReceiver receiver;

  @BeforeEach
  void start() {
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void decodesSpansOfAnExportRequest(boolean gzip) throws Exception {
    HttpResponse<byte[]> response = post("/v1/traces", "application/x-protobuf", gzip,
        TestRequests.parentAndChild().toByteArray(), Map.of("api-key", "secret"));

    assertEquals(200, response.statusCode());
    assertEquals(ExportTraceServiceResponse.getDefaultInstance(), ExportTraceServiceResponse.parseFrom(response.body()));

    Spans spans = receiver.awaitSpans(2, Duration.ofSeconds(5));
    assertEquals(2, spans.size());
    ReceivedSpan parent = spans.single("GET /orders");
    ReceivedSpan child = spans.single("SELECT orders");

    assertEquals("SERVER", parent.kind());
    assertEquals(TestRequests.TRACE_ID, parent.traceId());
    assertEquals(TestRequests.PARENT_ID, parent.spanId());
    assertEquals("", parent.parentSpanId());
    assertTrue(parent.isRoot());
    assertEquals("UNSET", parent.statusCode());
    assertEquals(TestRequests.START, parent.startEpochNanos());
    assertEquals(TestRequests.START + 5_000_000, parent.endEpochNanos());

    assertEquals("CLIENT", child.kind());
    assertEquals(TestRequests.PARENT_ID, child.parentSpanId());
    assertEquals("postgresql", child.attribute("db.system.name"));
    assertEquals(5432L, child.attribute("server.port"));
    assertEquals(0.25, child.attribute("db.client.ratio"));
    assertEquals(true, child.attribute("db.cached"));
    assertEquals(List.of("a", "b"), child.attribute("db.tags"));
    assertEquals("ERROR", child.statusCode());
    assertEquals("table missing", child.statusMessage());
    assertEquals(1, child.events().size());
    ReceivedSpan.Event event = child.events().get(0);
    assertEquals("exception", event.name());
    assertEquals(TestRequests.START + 3_000_000, event.epochNanos());
    assertEquals("java.sql.SQLException", event.attributes().get("exception.type"));
    assertEquals(List.of(new ReceivedSpan.Link(TestRequests.LINKED_TRACE_ID, TestRequests.LINKED_SPAN_ID,
        Map.of("link.reason", "batch"))), child.links());
    assertEquals(Map.of("service.name", "checkout", "process.pid", 4242L), child.resourceAttributes());
    assertEquals("tracewire-jdbc", child.scopeName());
    assertEquals("0.1.0", child.scopeVersion());

    ReceivedRequest request = receiver.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/v1/traces", request.path());
    assertEquals(gzip, request.gzip());
    assertEquals(gzip ? "gzip" : null, request.header("Content-Encoding"));
    assertEquals("secret", request.header("API-Key"));
    assertEquals(2, request.spanCount());
    assertEquals(200, request.status());
    assertTrue(receiver.errors().isEmpty(), receiver.errors()::toString);
  }

  @Test
  void spansHelpersNavigateTheTree() throws Exception {
    post("/v1/traces", "application/x-protobuf", false, TestRequests.parentAndChild().toByteArray(), Map.of());
    Spans spans = receiver.awaitSpans(2, Duration.ofSeconds(5));
    ReceivedSpan parent = spans.single("GET /orders");
    ReceivedSpan child = spans.single("SELECT orders");

    assertEquals(List.of(child), spans.named("SELECT orders"));
    assertEquals(List.of(child), spans.ofKind("CLIENT"));
    assertEquals(List.of(), spans.ofKind("PRODUCER"));
    assertEquals(List.of(child), spans.withAttribute("server.port", 5432));
    assertEquals(List.of(child), spans.withAttribute("server.port", 5432L));
    assertEquals(List.of(), spans.withAttribute("server.port", "5432"));
    assertEquals(parent, spans.parentOf(child).orElseThrow());
    assertTrue(spans.parentOf(parent).isEmpty());
    assertEquals(List.of(child), spans.childrenOf(parent));
    assertEquals(List.of(), spans.childrenOf(child));

    String[] lines = spans.dump().split("\n");
    assertEquals("2 spans in 1 trace:", lines[0]);
    assertEquals(" trace " + TestRequests.TRACE_ID, lines[1]);
    assertTrue(lines[2].startsWith("  \"GET /orders\" SERVER"), lines[2]);
    assertTrue(lines[3].startsWith("    \"SELECT orders\" CLIENT"), lines[3]);
    assertTrue(lines[3].contains("status=ERROR(\"table missing\")") && lines[3].contains("events=[exception]"), lines[3]);

    AssertionFailedError missing = assertThrows(AssertionFailedError.class, () -> spans.single("nope"));
    assertTrue(missing.getMessage().contains("found 0") && missing.getMessage().contains("SELECT orders"),
        missing.getMessage());
  }

  @Test
  void answersWithTheConfiguredFailureStatusAndKeepsNoSpans() throws Exception {
    receiver.respondWith(503);

    HttpResponse<byte[]> response = post("/v1/traces", "application/x-protobuf", false,
        TestRequests.parentAndChild().toByteArray(), Map.of());

    assertEquals(503, response.statusCode());
    assertEquals(0, receiver.spanCount());
    assertEquals(503, receiver.requests().get(0).status());

    receiver.respondWith(200);
    post("/v1/traces", "application/x-protobuf", false, TestRequests.parentAndChild().toByteArray(), Map.of());
    assertEquals(2, receiver.spanCount());
  }

  @Test
  void rejectsOtherContentTypesMethodsAndPaths() throws Exception {
    assertEquals(415, post("/v1/traces", "application/json", false, "{}".getBytes(), Map.of()).statusCode());
    assertEquals(404, post("/v2/traces", "application/x-protobuf", false, new byte[0], Map.of()).statusCode());
    HttpResponse<byte[]> get = CLIENT.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(405, get.statusCode());
    assertEquals(400, post("/v1/traces", "application/x-protobuf", false, new byte[] {(byte) 0xff, 1, 2}, Map.of())
        .statusCode());
    assertEquals(4, receiver.errors().size(), receiver.errors()::toString);
    assertEquals(0, receiver.spanCount());
  }

  @Test
  void acceptsMetricsAndLogsWithoutDecodingThem() throws Exception {
    assertEquals(200, post("/v1/metrics", "application/x-protobuf", false, new byte[0], Map.of()).statusCode());
    assertEquals(200, post("/v1/logs", "application/x-protobuf", true, new byte[0], Map.of()).statusCode());
    assertEquals(2, receiver.requests().size());
    assertTrue(receiver.errors().isEmpty(), receiver.errors()::toString);
  }

  @Test
  void awaitSpansFailsWithWhatArrived() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> receiver.awaitSpans(1, Duration.ofMillis(100)));
    assertTrue(error.getMessage().contains("received 0"), error.getMessage());
    assertTrue(error.getMessage().contains("(no spans received)"), error.getMessage());
  }

  @Test
  void endpointIsLoopbackAndRecordsSurviveClose() throws Exception {
    assertEquals("http://127.0.0.1:" + receiver.port(), receiver.endpoint());
    post("/v1/traces", "application/x-protobuf", false, TestRequests.parentAndChild().toByteArray(), Map.of());
    assertTrue(receiver.awaitIdle(Duration.ofMillis(10), Duration.ofSeconds(2)));
    receiver.close();
    assertEquals(2, receiver.spans().size());
    assertFalse(receiver.requests().isEmpty());
    assertNull(receiver.requests().get(0).header("Content-Encoding"));
  }

  private HttpResponse<byte[]> post(String path, String contentType, boolean gzip, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(body);
    }
    return bytes.toByteArray();
  }
}
