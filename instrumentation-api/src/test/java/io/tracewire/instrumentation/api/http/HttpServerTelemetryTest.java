package io.tracewire.instrumentation.api.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpServerTelemetryTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  private final FakeInstrumentationContext context = new FakeInstrumentationContext();

  private HttpServerTelemetry<FakeExchange, FakeExchange> telemetry() {
    return HttpServerTelemetry.create(context, FakeExchange.SERVER);
  }

  private static FakeExchange request() {
    FakeExchange request = new FakeExchange();
    request.method = "GET";
    request.path = "/orders/42";
    request.peerAddress = "127.0.0.1";
    request.localAddress = "0.0.0.0";
    request.localPort = 8080;
    request.protocol = "HTTP/1.1";
    return request.header("Host", "shop.example:8080").header("User-Agent", "curl/8");
  }

  private static FakeExchange response(int status) {
    FakeExchange response = new FakeExchange();
    response.status = status;
    return response;
  }

  private SpanData serve(FakeExchange request, FakeExchange response, Throwable error) {
    HttpServerTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    Context started = telemetry.start(Context.root(), request);
    telemetry.end(started, request, response, error);
    return context.onlySpan();
  }

  @Test
  void attributes() {
    FakeExchange request = request();
    request.query = "q=1&sig=abc";
    SpanData span = serve(request, response(200), null);
    assertEquals("GET", span.getName());
    assertEquals(SpanKind.SERVER, span.getKind());
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    Attributes attributes = span.getAttributes();
    assertEquals("GET", attributes.get(HttpKeys.HTTP_REQUEST_METHOD));
    assertEquals("/orders/42", attributes.get(HttpKeys.URL_PATH));
    assertEquals("q=1&sig=REDACTED", attributes.get(HttpKeys.URL_QUERY));
    assertEquals("http", attributes.get(HttpKeys.URL_SCHEME));
    assertEquals("127.0.0.1", attributes.get(HttpKeys.CLIENT_ADDRESS));
    assertEquals("curl/8", attributes.get(HttpKeys.USER_AGENT_ORIGINAL));
    assertEquals("shop.example", attributes.get(stringKey("server.address")));
    assertEquals(8080L, attributes.get(longKey("server.port")));
    assertEquals("1.1", attributes.get(HttpKeys.NETWORK_PROTOCOL_VERSION));
    assertEquals(200L, attributes.get(HttpKeys.HTTP_RESPONSE_STATUS_CODE));
    assertNull(attributes.get(HttpKeys.HTTP_ROUTE));
    assertNull(attributes.get(HttpKeys.OLD_HTTP_TARGET));
  }

  @Test
  void withoutHostHeaderTheLocalSocketNamesTheServer() {
    FakeExchange request = request();
    request.headers.remove("host");
    Attributes attributes = serve(request, response(200), null).getAttributes();
    assertEquals("0.0.0.0", attributes.get(stringKey("server.address")));
    assertEquals(8080L, attributes.get(longKey("server.port")));
  }

  @Test
  void clientBehindAProxy() {
    FakeExchange request = request().header("X-Forwarded-For", "203.0.113.7, 10.0.0.1");
    assertEquals("203.0.113.7", serve(request, response(200), null).getAttributes().get(HttpKeys.CLIENT_ADDRESS));
  }

  @Test
  void continuesTheIncomingTraceWithBaggage() {
    FakeExchange request =
        request()
            .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01")
            .header("baggage", "user.id=7");
    HttpServerTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    Context started = telemetry.start(Context.root(), request);
    assertEquals("7", Baggage.fromContext(started).getEntryValue("user.id"));
    telemetry.end(started, request, response(200), null);
    SpanData span = context.onlySpan();
    assertEquals(TRACE_ID, span.getTraceId());
    assertEquals(PARENT_ID, span.getParentSpanId());
    assertTrue(span.getParentSpanContext().isRemote());
  }

  @Test
  void headerNamesMatchCaseInsensitivelyForPropagation() {
    FakeExchange request = request();
    request.headers.put("traceparent", List.of("00-" + TRACE_ID + "-" + PARENT_ID + "-01"));
    assertEquals(TRACE_ID, serve(request, response(200), null).getTraceId());
  }

  @Test
  void routeKnownAtStartNamesTheSpan() {
    FakeExchange request = request();
    request.route = "/orders/{id}";
    SpanData span = serve(request, response(200), null);
    assertEquals("GET /orders/{id}", span.getName());
    assertEquals("/orders/{id}", span.getAttributes().get(HttpKeys.HTTP_ROUTE));
  }

  @Test
  void routeLearnedLaterRenamesTheSpan() {
    HttpServerTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    FakeExchange request = request();
    Context started = telemetry.start(Context.root(), request);
    HttpServerTelemetry.updateRoute(started, "/orders/*");
    HttpServerTelemetry.updateRoute(started, "/orders/{id}");
    telemetry.end(started, request, response(200), null);
    SpanData span = context.onlySpan();
    assertEquals("GET /orders/{id}", span.getName());
    assertEquals("/orders/{id}", span.getAttributes().get(HttpKeys.HTTP_ROUTE));
  }

  @Test
  void routeFromTheGetterAtEnd() {
    HttpServerTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    FakeExchange request = request();
    Context started = telemetry.start(Context.root(), request);
    request.route = "/orders/{orderId}"; // e.g. Spring's request attribute, set by the handler
    telemetry.end(started, request, response(200), null);
    assertEquals("GET /orders/{orderId}", context.onlySpan().getName());
  }

  @Test
  void updateRouteWithoutServerSpanIsHarmless() {
    HttpServerTelemetry.updateRoute(Context.root(), "/x");
    HttpServerTelemetry.updateRoute(Context.root().with(Span.getInvalid()), null);
    assertTrue(context.spans().isEmpty());
  }

  @Test
  void clientErrorIsNoServerError() {
    SpanData span = serve(request(), response(404), null);
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertNull(span.getAttributes().get(stringKey("error.type")));
    assertEquals(404L, span.getAttributes().get(HttpKeys.HTTP_RESPONSE_STATUS_CODE));
  }

  @Test
  void serverErrorIsAnError() {
    SpanData span = serve(request(), response(500), null);
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("500", span.getAttributes().get(stringKey("error.type")));
  }

  @Test
  void handlerExceptionIsRecorded() {
    SpanData span = serve(request(), null, new IllegalStateException("boom"));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("java.lang.IllegalStateException", span.getAttributes().get(stringKey("error.type")));
    assertEquals("exception", span.getEvents().get(0).getName());
  }

  @Test
  void nestedServersMakeOneSpan() {
    HttpServerTelemetry<FakeExchange, FakeExchange> telemetry = telemetry();
    assertTrue(telemetry.shouldStart(Context.root()));
    Context started = telemetry.start(Context.root(), request());
    assertFalse(telemetry.shouldStart(started));
    assertFalse(Span.current().getSpanContext().isValid(), "start must not make the span current");
  }

  @Test
  void unknownMethod() {
    FakeExchange request = request();
    request.method = "BREW";
    request.route = "/pot";
    SpanData span = serve(request, response(418), null);
    assertEquals("HTTP /pot", span.getName());
    assertEquals("_OTHER", span.getAttributes().get(HttpKeys.HTTP_REQUEST_METHOD));
    assertEquals("BREW", span.getAttributes().get(HttpKeys.HTTP_REQUEST_METHOD_ORIGINAL));
  }

  @Test
  void capturesConfiguredHeaders() {
    context.with("otel.instrumentation.http.server.capture-request-headers", "x-tenant,cookie");
    context.with("otel.instrumentation.http.server.capture-response-headers", "x-served-by");
    FakeExchange request = request().header("X-Tenant", "t1").header("Cookie", "session=abc");
    Attributes attributes =
        serve(request, response(200).header("X-Served-By", "node-1"), null).getAttributes();
    assertEquals(List.of("t1"), attributes.get(stringArrayKey("http.request.header.x-tenant")));
    assertEquals(List.of("[REDACTED]"), attributes.get(stringArrayKey("http.request.header.cookie")));
    assertEquals(List.of("node-1"), attributes.get(stringArrayKey("http.response.header.x-served-by")));
  }

  @Test
  void duplicateOldNamesOnOptIn() {
    context.with("otel.semconv-stability.opt-in", "http/dup");
    FakeExchange request = request();
    request.query = "a=1&Signature=x";
    request.scheme = "https";
    Attributes attributes = serve(request, response(201), null).getAttributes();
    assertEquals("GET", attributes.get(HttpKeys.OLD_HTTP_METHOD));
    assertEquals("https", attributes.get(HttpKeys.OLD_HTTP_SCHEME));
    assertEquals("/orders/42?a=1&Signature=REDACTED", attributes.get(HttpKeys.OLD_HTTP_TARGET));
    assertEquals(201L, attributes.get(HttpKeys.OLD_HTTP_STATUS_CODE));
    assertEquals("shop.example", attributes.get(HttpKeys.OLD_NET_HOST_NAME));
    assertEquals(8080L, attributes.get(HttpKeys.OLD_NET_HOST_PORT));
    assertEquals("127.0.0.1", attributes.get(HttpKeys.OLD_HTTP_CLIENT_IP));
    assertEquals("1.1", attributes.get(HttpKeys.OLD_NET_PROTOCOL_VERSION));
    assertEquals("https", attributes.get(HttpKeys.URL_SCHEME), "the stable names stay");
  }
}
