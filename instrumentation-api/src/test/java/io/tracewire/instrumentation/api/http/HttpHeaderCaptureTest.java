package io.tracewire.instrumentation.api.http;

import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpHeaderCaptureTest {

  private final FakeInstrumentationContext context = new FakeInstrumentationContext();
  private final Map<String, List<String>> headers = new HashMap<>();

  private Attributes capture(String property, String prefix) {
    HttpHeaderCapture capture = HttpHeaderCapture.fromConfig(context.config(), property, prefix);
    Span span = context.tracer().spanBuilder("test").startSpan();
    capture.capture(span, headers, (carrier, name) -> carrier.get(name));
    span.end();
    return context.onlySpan().getAttributes();
  }

  @Test
  void capturesListedHeadersCaseInsensitivelyAsLists() {
    context.with("capture", "X-Request-Id, Accept ,accept");
    headers.put("x-request-id", Collections.singletonList("abc"));
    headers.put("accept", Arrays.asList("text/html", "application/json"));
    headers.put("x-other", Collections.singletonList("not listed"));
    Attributes attributes = capture("capture", "http.request.header.");
    assertEquals(List.of("abc"), attributes.get(stringArrayKey("http.request.header.x-request-id")));
    assertEquals(
        List.of("text/html", "application/json"),
        attributes.get(stringArrayKey("http.request.header.accept")));
    assertEquals(2, attributes.size());
  }

  @Test
  void redactsCredentialsEvenWhenListed() {
    context.with(
        "capture", "Authorization,proxy-authorization,Cookie,set-cookie,X-Api-Key,x-session,x-trace");
    context.with("otel.instrumentation.http.sensitive-headers", "X-Session");
    headers.put("authorization", Collections.singletonList("Bearer secret"));
    headers.put("proxy-authorization", Collections.singletonList("Basic c2VjcmV0"));
    headers.put("cookie", Arrays.asList("a=1", "b=2"));
    headers.put("set-cookie", Collections.singletonList("id=42"));
    headers.put("x-api-key", Collections.singletonList("key"));
    headers.put("x-session", Collections.singletonList("s"));
    headers.put("x-trace", Collections.singletonList("visible"));
    Attributes attributes = capture("capture", "http.response.header.");
    List<String> one = List.of("[REDACTED]");
    assertEquals(one, attributes.get(stringArrayKey("http.response.header.authorization")));
    assertEquals(one, attributes.get(stringArrayKey("http.response.header.proxy-authorization")));
    assertEquals(
        List.of("[REDACTED]", "[REDACTED]"),
        attributes.get(stringArrayKey("http.response.header.cookie")));
    assertEquals(one, attributes.get(stringArrayKey("http.response.header.set-cookie")));
    assertEquals(one, attributes.get(stringArrayKey("http.response.header.x-api-key")));
    assertEquals(one, attributes.get(stringArrayKey("http.response.header.x-session")));
    assertEquals(List.of("visible"), attributes.get(stringArrayKey("http.response.header.x-trace")));
    assertFalse(attributes.toString().contains("secret"));
  }

  @Test
  void absentHeadersAreNotRecorded() {
    context.with("capture", "x-missing,x-empty,x-null");
    headers.put("x-empty", Collections.emptyList());
    Attributes attributes = capture("capture", "http.request.header.");
    assertTrue(attributes.isEmpty());
    assertNull(attributes.get(stringArrayKey("http.request.header.x-missing")));
  }

  @Test
  void nothingConfiguredIsEmpty() {
    assertTrue(HttpHeaderCapture.fromConfig(context.config(), "unset", "p.").isEmpty());
  }
}
