package io.tracewire.instrumentation.api.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanKey;
import java.util.Locale;

/**
 * HTTP server spans for one server, in one place: the remote parent extracted from the request's
 * headers, name {@code {method} {http.route}} (else {@code {method}}), the stable attributes (and
 * the 1.20 names on {@code http/dup}), redacted {@code url.query}, opt-in header capture, and
 * status: a 5xx is an error, a 4xx is not. Never makes anything current: the caller makes the
 * returned context current while the handler runs.
 */
public final class HttpServerTelemetry<REQ, RES> {

  private static final ContextKey<ServerSpanState> STATE = ContextKey.named("tracewire-http-server-route");

  private final HttpServerAttributesGetter<REQ, RES> getter;
  private final HttpSettings settings;
  private final HttpHeaderCapture.HeaderValues<REQ> requestHeaderValues;
  private final HttpHeaderCapture.HeaderValues<RES> responseHeaderValues;
  private final TextMapGetter<REQ> headerGetter;

  private HttpServerTelemetry(InstrumentationContext context, HttpServerAttributesGetter<REQ, RES> getter) {
    this.settings = new HttpSettings(context, "server");
    this.getter = getter;
    this.requestHeaderValues = getter::requestHeader;
    this.responseHeaderValues = getter::responseHeader;
    this.headerGetter = new RequestHeaderGetter<>(getter);
  }

  public static <REQ, RES> HttpServerTelemetry<REQ, RES> create(
      InstrumentationContext context, HttpServerAttributesGetter<REQ, RES> getter) {
    return new HttpServerTelemetry<>(context, getter);
  }

  /**
   * Whether a request handled in {@code context} gets a span: not when an HTTP server span is
   * already active there (a servlet inside a container whose connector is instrumented too).
   */
  public boolean shouldStart(Context context) {
    return !SpanKey.HTTP_SERVER.isActiveIn(context);
  }

  /**
   * Starts the SERVER span of {@code request}: its parent is the context the request's headers
   * carry (through the configured propagators) on top of {@code base}. The returned context holds
   * the span, the extracted baggage and the HTTP-server marker; it is not made current.
   */
  public Context start(Context base, REQ request) {
    Context parent = settings.propagation.extract(base, request, headerGetter);
    String method = getter.method(request);
    String normalized = settings.methods.normalize(method);
    String route = getter.route(request);
    String name = HttpSpanEnding.nameOf(normalized);
    SpanBuilder builder =
        settings.tracer
            .spanBuilder(route == null ? name : name + " " + route)
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(HttpKeys.HTTP_REQUEST_METHOD, normalized);
    if (method != null && !method.equals(normalized)) {
      builder.setAttribute(HttpKeys.HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    if (route != null) {
      builder.setAttribute(HttpKeys.HTTP_ROUTE, route);
    }
    putUrl(builder, request);
    putClient(builder, request);
    putServer(builder, request);
    if (settings.emitOldNames && method != null) {
      builder.setAttribute(HttpKeys.OLD_HTTP_METHOD, method);
    }
    Span span = builder.startSpan();
    HttpSpanEnding.putProtocolVersion(span, getter.protocolVersion(request), settings.emitOldNames);
    if (!settings.requestHeaders.isEmpty()) {
      settings.requestHeaders.capture(span, request, requestHeaderValues);
    }
    return SpanKey.HTTP_SERVER
        .storeIn(parent.with(span), span)
        .with(STATE, new ServerSpanState(name, route));
  }

  /**
   * Records the route a framework matched (e.g. Spring MVC's {@code /orders/{id}}) on the server
   * span of {@code context} and renames it {@code {method} {route}}. The last update wins: the
   * innermost framework, which runs last, knows the most precise route. Does nothing without a
   * server span.
   */
  public static void updateRoute(Context context, String route) {
    ServerSpanState state = context.get(STATE);
    Span span = SpanKey.HTTP_SERVER.spanIn(context);
    if (state == null || span == null || route == null || route.isEmpty()) {
      return;
    }
    state.route = route;
    span.updateName(state.methodName + " " + route);
    span.setAttribute(HttpKeys.HTTP_ROUTE, route);
  }

  /**
   * Ends the span {@link #start} put in {@code context}. {@code response} is {@code null} when no
   * response was produced; {@code error} is what the handler threw, or {@code null}.
   */
  public void end(Context context, REQ request, RES response, Throwable error) {
    Span span = SpanKey.HTTP_SERVER.spanIn(context);
    if (span == null) {
      return;
    }
    Integer status = null;
    try {
      ServerSpanState state = context.get(STATE);
      if (state != null && state.route == null) {
        updateRoute(context, getter.route(request));
      }
      if (response != null) {
        status = getter.statusCode(response);
        if (!settings.responseHeaders.isEmpty()) {
          settings.responseHeaders.capture(span, response, responseHeaderValues);
        }
      }
    } finally {
      HttpSpanEnding.end(span, status, 500, error, settings.emitOldNames);
    }
  }

  private void putUrl(SpanBuilder builder, REQ request) {
    String scheme = getter.scheme(request);
    String path = getter.path(request);
    String query = UrlRedaction.redactQuery(getter.query(request));
    if (scheme != null) {
      builder.setAttribute(HttpKeys.URL_SCHEME, scheme);
    }
    if (path != null) {
      builder.setAttribute(HttpKeys.URL_PATH, path);
    }
    if (query != null) {
      builder.setAttribute(HttpKeys.URL_QUERY, query);
    }
    if (settings.emitOldNames) {
      if (scheme != null) {
        builder.setAttribute(HttpKeys.OLD_HTTP_SCHEME, scheme);
      }
      if (path != null) {
        builder.setAttribute(HttpKeys.OLD_HTTP_TARGET, query == null ? path : path + "?" + query);
      }
    }
  }

  private void putClient(SpanBuilder builder, REQ request) {
    String forwarded =
        ForwardedClient.address(
            HttpSpanEnding.first(getter.requestHeader(request, "forwarded")),
            HttpSpanEnding.first(getter.requestHeader(request, "x-forwarded-for")));
    String client = forwarded != null ? forwarded : getter.peerAddress(request);
    if (client != null) {
      builder.setAttribute(HttpKeys.CLIENT_ADDRESS, client);
      if (settings.emitOldNames) {
        builder.setAttribute(HttpKeys.OLD_HTTP_CLIENT_IP, client);
      }
    }
    String userAgent = HttpSpanEnding.first(getter.requestHeader(request, "user-agent"));
    if (userAgent != null) {
      builder.setAttribute(HttpKeys.USER_AGENT_ORIGINAL, userAgent);
    }
  }

  /** From the {@code Host} header (what the client addressed), else the local socket. */
  private void putServer(SpanBuilder builder, REQ request) {
    HostAndPort host =
        HostAndPort.fromHostHeader(
            HttpSpanEnding.first(getter.requestHeader(request, "host")), getter.scheme(request));
    String address = host.host() != null ? host.host() : getter.localAddress(request);
    Integer port = host.host() != null ? host.port() : getter.localPort(request);
    if (address != null) {
      builder.setAttribute(SemanticKeys.SERVER_ADDRESS, address);
      if (settings.emitOldNames) {
        builder.setAttribute(HttpKeys.OLD_NET_HOST_NAME, address);
      }
    }
    if (port != null) {
      builder.setAttribute(SemanticKeys.SERVER_PORT, (long) port);
      if (settings.emitOldNames) {
        builder.setAttribute(HttpKeys.OLD_NET_HOST_PORT, (long) port);
      }
    }
  }

  /** The span name's method part and the route, once known; one per server span. */
  private static final class ServerSpanState {
    final String methodName;
    volatile String route;

    ServerSpanState(String methodName, String route) {
      this.methodName = methodName;
      this.route = route;
    }
  }

  /** Reads settings.propagation headers through the server's getter. */
  private static final class RequestHeaderGetter<REQ> implements TextMapGetter<REQ> {
    private final HttpServerAttributesGetter<REQ, ?> getter;

    RequestHeaderGetter(HttpServerAttributesGetter<REQ, ?> getter) {
      this.getter = getter;
    }

    @Override
    public Iterable<String> keys(REQ request) {
      return getter.requestHeaderNames(request);
    }

    @Override
    public String get(REQ request, String key) {
      if (request == null || key == null) {
        return null;
      }
      // Header names are case-insensitive; getters are asked in lower case.
      return HttpSpanEnding.first(getter.requestHeader(request, key.toLowerCase(Locale.ROOT)));
    }
  }
}
