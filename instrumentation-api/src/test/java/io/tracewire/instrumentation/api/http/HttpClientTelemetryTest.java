package io.tracewire.instrumentation.api.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracewire.instrumentation.api.SpanKey;
import java.io.IOException;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpClientTelemetryTest {

  private final FakeInstrumentationContext context = new FakeInstrumentationContext();

  private HttpClientTelemetry<FakeExchange, FakeExchange> telemetry() {
    return HttpClientTelemetry.create(context, FakeExchange.CLIENT);
  }

  private static FakeExchange request(String method, String url) {
    FakeExchange request = new FakeExchange();
    request.method = method;
    request.url = url;
    return request;
  }

  private static FakeExchange response(int status) {
    FakeExchange response = new FakeExchange();
    response.status = status;
    response.protocol = "HTTP/1.1";
    return response;
  }

  private SpanData call(FakeExchange request, FakeExchange response, Throwable error) {
    HttpClientTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    Context started = telemetry.start(Context.root(), request);
    telemetry.end(started, request, response, error);
    return context.onlySpan();
  }

  @Test
  void successfulCall() {
    SpanData span = call(request("GET", "http://localhost:8080/ok?x=1"), response(200), null);
    assertEquals("GET", span.getName());
    assertEquals(SpanKind.CLIENT, span.getKind());
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    Attributes attributes = span.getAttributes();
    assertEquals("GET", attributes.get(HttpKeys.HTTP_REQUEST_METHOD));
    assertEquals("http://localhost:8080/ok?x=1", attributes.get(HttpKeys.URL_FULL));
    assertEquals("localhost", attributes.get(stringKey("server.address")));
    assertEquals(8080L, attributes.get(longKey("server.port")));
    assertEquals(200L, attributes.get(HttpKeys.HTTP_RESPONSE_STATUS_CODE));
    assertEquals("1.1", attributes.get(HttpKeys.NETWORK_PROTOCOL_VERSION));
    assertNull(attributes.get(stringKey("error.type")));
    assertNull(attributes.get(HttpKeys.OLD_HTTP_METHOD), "old names only on http/dup");
    assertEquals(6, attributes.size(), attributes.toString());
  }

  @Test
  void defaultPortIsAlwaysSet() {
    SpanData span = call(request("GET", "https://example.com/a"), response(204), null);
    assertEquals(443L, span.getAttributes().get(longKey("server.port")));
  }

  @Test
  void getterMayNameTheServer() {
    HttpClientAttributesGetter<FakeExchange, FakeExchange> viaProxy =
        new DelegatingGetter(FakeExchange.CLIENT) {
          @Override
          public String serverAddress(FakeExchange request) {
            return "backend";
          }
        };
    HttpClientTelemetry<FakeExchange, FakeExchange> telemetry = HttpClientTelemetry.create(context, viaProxy);
    FakeExchange request = request("GET", "http://proxy:3128/x");
    telemetry.end(telemetry.start(Context.root(), request), request, response(200), null);
    Attributes attributes = context.onlySpan().getAttributes();
    assertEquals("backend", attributes.get(stringKey("server.address")));
    assertEquals(3128L, attributes.get(longKey("server.port")));
  }

  @Test
  void clientErrorStatusIsAnError() {
    SpanData span = call(request("POST", "http://h/x"), response(404), null);
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("404", span.getAttributes().get(stringKey("error.type")));
    assertTrue(span.getEvents().isEmpty());
  }

  @Test
  void serverErrorStatusIsAnError() {
    SpanData span = call(request("GET", "http://h/x"), response(503), null);
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("503", span.getAttributes().get(stringKey("error.type")));
  }

  @Test
  void redirectIsNoError() {
    SpanData span = call(request("GET", "http://h/x"), response(302), null);
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
  }

  @Test
  void failedCallRecordsTheExceptionWithUrlsRedacted() {
    SpanData span =
        call(
            request("GET", "http://user:pw@h:1/x?sig=s3cr3t"),
            null,
            new IOException("Server returned HTTP response code: 500 for URL: http://user:pw@h:1/x?sig=s3cr3t"));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("java.io.IOException", span.getAttributes().get(stringKey("error.type")));
    assertNull(span.getAttributes().get(HttpKeys.HTTP_RESPONSE_STATUS_CODE));
    assertEquals("http://REDACTED:REDACTED@h:1/x?sig=REDACTED", span.getAttributes().get(HttpKeys.URL_FULL));
    EventData event = span.getEvents().get(0);
    assertEquals("exception", event.getName());
    String message = event.getAttributes().get(stringKey("exception.message"));
    assertEquals("Server returned HTTP response code: 500 for URL: http://REDACTED:REDACTED@h:1/x?sig=REDACTED", message);
    assertFalse(event.getAttributes().get(stringKey("exception.stacktrace")).contains("s3cr3t"));
  }

  @Test
  void refusedConnection() {
    SpanData span = call(request("GET", "http://localhost:1/"), null, new ConnectException("Connection refused"));
    assertEquals("java.net.ConnectException", span.getAttributes().get(stringKey("error.type")));
    assertEquals(1L, span.getAttributes().get(longKey("server.port")));
  }

  @Test
  void unknownMethodIsOther() {
    SpanData span = call(request("PROPFIND", "http://h/x"), response(207), null);
    assertEquals("HTTP", span.getName());
    assertEquals("_OTHER", span.getAttributes().get(HttpKeys.HTTP_REQUEST_METHOD));
    assertEquals("PROPFIND", span.getAttributes().get(HttpKeys.HTTP_REQUEST_METHOD_ORIGINAL));
  }

  @Test
  void nestedClientsMakeOneSpan() {
    HttpClientTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    assertTrue(telemetry.shouldStart(Context.root()));
    Context outer = telemetry.start(Context.root(), request("GET", "http://h/"));
    assertFalse(telemetry.shouldStart(outer));
    assertFalse(telemetry.shouldStart(SpanKey.suppressAll(Context.root())));
  }

  @Test
  void startDoesNotMakeTheSpanCurrent() {
    Context started = telemetry().start(Context.root(), request("GET", "http://h/"));
    assertFalse(Span.current().getSpanContext().isValid());
    assertTrue(Span.fromContext(started).getSpanContext().isValid());
  }

  @Test
  void endWithoutAStartedSpanDoesNothing() {
    Span parent = context.tracer().spanBuilder("parent").startSpan();
    telemetry().end(Context.root().with(parent), request("GET", "http://h/"), response(200), null);
    assertTrue(context.spans().isEmpty(), "the parent must not be ended by the client");
  }

  @Test
  void injectsTraceContextAndBaggage() {
    HttpClientTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    Context parent = Baggage.builder().put("user.id", "42").build().storeInContext(Context.root());
    Context started = telemetry.start(parent, request("GET", "http://h/"));
    Map<String, String> carrier = new HashMap<>();
    telemetry.inject(started, carrier, Map::put);
    Span span = Span.fromContext(started);
    assertTrue(
        carrier
            .get("traceparent")
            .startsWith("00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-"),
        carrier.toString());
    assertEquals("user.id=42", carrier.get("baggage"));
  }

  @Test
  void childOfTheParentContext() {
    Span parent = context.tracer().spanBuilder("parent").startSpan();
    HttpClientTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    FakeExchange request = request("GET", "http://h/");
    telemetry.end(telemetry.start(Context.root().with(parent), request), request, response(200), null);
    SpanData span = context.onlySpan();
    assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
  }

  @Test
  void capturesConfiguredHeaders() {
    context.with("otel.instrumentation.http.client.capture-request-headers", "X-Request-Id,Authorization");
    context.with("otel.instrumentation.http.client.capture-response-headers", "Content-Type,Set-Cookie");
    FakeExchange request = request("GET", "http://h/").header("X-Request-Id", "r1").header("Authorization", "Bearer t");
    FakeExchange response = response(200).header("Content-Type", "text/plain").header("Set-Cookie", "a=1").header("Set-Cookie", "b=2");
    Attributes attributes = call(request, response, null).getAttributes();
    assertEquals(List.of("r1"), attributes.get(stringArrayKey("http.request.header.x-request-id")));
    assertEquals(List.of("[REDACTED]"), attributes.get(stringArrayKey("http.request.header.authorization")));
    assertEquals(List.of("text/plain"), attributes.get(stringArrayKey("http.response.header.content-type")));
    assertEquals(
        List.of("[REDACTED]", "[REDACTED]"), attributes.get(stringArrayKey("http.response.header.set-cookie")));
  }

  @Test
  void duplicateOldNamesOnOptIn() {
    context.with("otel.semconv-stability.opt-in", "database/dup, http/dup");
    FakeExchange response = response(500);
    response.protocol = "HTTP_2";
    Attributes attributes = call(request("GET", "https://u:p@h:8443/x"), response, null).getAttributes();
    assertEquals("GET", attributes.get(HttpKeys.OLD_HTTP_METHOD));
    assertEquals("https://REDACTED:REDACTED@h:8443/x", attributes.get(HttpKeys.OLD_HTTP_URL));
    assertEquals(500L, attributes.get(HttpKeys.OLD_HTTP_STATUS_CODE));
    assertEquals("h", attributes.get(HttpKeys.OLD_NET_PEER_NAME));
    assertEquals(8443L, attributes.get(HttpKeys.OLD_NET_PEER_PORT));
    assertEquals("http", attributes.get(HttpKeys.OLD_NET_PROTOCOL_NAME));
    assertEquals("2", attributes.get(HttpKeys.OLD_NET_PROTOCOL_VERSION));
    assertEquals("2", attributes.get(HttpKeys.NETWORK_PROTOCOL_VERSION));
    assertEquals("GET", attributes.get(HttpKeys.HTTP_REQUEST_METHOD), "the stable names stay");
  }

  @Test
  void nullUrlAndMethodAreTolerated() {
    SpanData span = call(request(null, null), null, null);
    assertEquals("HTTP", span.getName());
    assertNull(span.getAttributes().get(HttpKeys.URL_FULL));
    assertSame(StatusCode.UNSET, span.getStatus().getStatusCode());
  }

  /** Forwards everything, so a test can override one method. */
  private static class DelegatingGetter implements HttpClientAttributesGetter<FakeExchange, FakeExchange> {
    private final HttpClientAttributesGetter<FakeExchange, FakeExchange> delegate;

    DelegatingGetter(HttpClientAttributesGetter<FakeExchange, FakeExchange> delegate) {
      this.delegate = delegate;
    }

    @Override
    public String method(FakeExchange request) {
      return delegate.method(request);
    }

    @Override
    public String url(FakeExchange request) {
      return delegate.url(request);
    }

    @Override
    public List<String> requestHeader(FakeExchange request, String name) {
      return delegate.requestHeader(request, name);
    }

    @Override
    public Integer statusCode(FakeExchange response) {
      return delegate.statusCode(response);
    }

    @Override
    public List<String> responseHeader(FakeExchange response, String name) {
      return delegate.responseHeader(response, name);
    }
  }
}
