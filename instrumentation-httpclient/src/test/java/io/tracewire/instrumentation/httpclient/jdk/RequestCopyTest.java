package io.tracewire.instrumentation.httpclient.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCopyTest {

  private static final Map<String, String> TRACE =
      Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

  @Test
  void keepsEverythingTheApplicationBuiltAndAddsTheHeaders() {
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("hello");
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/orders?id=1"))
            .method("PATCH", body)
            .timeout(Duration.ofMillis(1234))
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .header("X-Tag", "a")
            .header("X-Tag", "b")
            .header("Authorization", "Bearer secret")
            .build();

    HttpRequest copy = RequestCopy.withHeaders(original, TRACE);

    assertEquals("PATCH", copy.method());
    assertEquals(original.uri(), copy.uri());
    assertSame(body, copy.bodyPublisher().orElseThrow());
    assertEquals(original.timeout(), copy.timeout());
    assertEquals(original.version(), copy.version());
    assertTrue(copy.expectContinue());
    assertEquals(List.of("a", "b"), copy.headers().allValues("x-tag"));
    assertEquals(List.of("Bearer secret"), copy.headers().allValues("authorization"));
    assertEquals(List.of(TRACE.get("traceparent")), copy.headers().allValues("traceparent"));
    assertFalse(original.headers().firstValue("traceparent").isPresent());
  }

  @Test
  void replacesATraceHeaderTheApplicationSetItself() {
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("http://localhost/")).header("Traceparent", "stale").build();
    HttpRequest copy = RequestCopy.withHeaders(original, TRACE);
    assertEquals(List.of(TRACE.get("traceparent")), copy.headers().allValues("traceparent"));
  }

  @Test
  void getAndDeleteWithoutBodyStayWithoutBody() {
    for (HttpRequest original :
        List.of(
            HttpRequest.newBuilder(URI.create("http://localhost/")).GET().build(),
            HttpRequest.newBuilder(URI.create("http://localhost/")).DELETE().build())) {
      HttpRequest copy = RequestCopy.withHeaders(original, TRACE);
      assertEquals(original.method(), copy.method());
      assertEquals(original.bodyPublisher().isPresent(), copy.bodyPublisher().isPresent());
      assertEquals(original.timeout(), copy.timeout());
      assertEquals(original.version(), copy.version());
    }
  }

  @Test
  void nothingToAddKeepsTheSameRequest() {
    HttpRequest original = HttpRequest.newBuilder(URI.create("http://localhost/")).build();
    assertSame(original, RequestCopy.withHeaders(original, Map.of()));
  }

  @Test
  void aRequestThatCannotBeCopiedGoesOutUnchanged() {
    HttpRequest original = HttpRequest.newBuilder(URI.create("http://localhost/")).build();
    // A header name the builder refuses: the copy fails, the original is used.
    assertSame(original, RequestCopy.withHeaders(original, Map.of("bad name", "x")));
  }
}
