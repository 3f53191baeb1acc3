package io.tracewire.instrumentation.api.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanKey;

/**
 * HTTP client spans for one library, in one place: name {@code {http.request.method}}, the stable
 * attributes (and the 1.20 names on {@code http/dup}), redacted {@code url.full}, opt-in header
 * capture, status and errors. The library's module supplies only a {@link
 * HttpClientAttributesGetter}. Never makes anything current: the caller decides where the
 * returned context applies.
 */
public final class HttpClientTelemetry<REQ, RES> {

  private final HttpClientAttributesGetter<REQ, RES> getter;
  private final HttpSettings settings;
  private final HttpHeaderCapture.HeaderValues<REQ> requestHeaderValues;
  private final HttpHeaderCapture.HeaderValues<RES> responseHeaderValues;

  private HttpClientTelemetry(InstrumentationContext context, HttpClientAttributesGetter<REQ, RES> getter) {
    this.settings = new HttpSettings(context, "client");
    this.getter = getter;
    this.requestHeaderValues = getter::requestHeader;
    this.responseHeaderValues = getter::responseHeader;
  }

  public static <REQ, RES> HttpClientTelemetry<REQ, RES> create(
      InstrumentationContext context, HttpClientAttributesGetter<REQ, RES> getter) {
    return new HttpClientTelemetry<>(context, getter);
  }

  /**
   * Whether a request made in {@code parent} gets a span: not when an HTTP client span is already
   * active there (a client built on another client makes one span, not two), nor in the agent's
   * own export.
   */
  public boolean shouldStart(Context parent) {
    return !SpanKey.HTTP_CLIENT.isActiveIn(parent);
  }

  /**
   * Starts the CLIENT span of {@code request} as a child of {@code parent}. The returned context
   * holds the span and marks an HTTP client span as active; it is not made current.
   */
  public Context start(Context parent, REQ request) {
    String method = getter.method(request);
    String normalized = settings.methods.normalize(method);
    String url = getter.url(request);
    SpanBuilder builder =
        settings.tracer
            .spanBuilder(HttpSpanEnding.nameOf(normalized))
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(HttpKeys.HTTP_REQUEST_METHOD, normalized);
    if (method != null && !method.equals(normalized)) {
      builder.setAttribute(HttpKeys.HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    String redactedUrl = UrlRedaction.redactUrl(url);
    if (redactedUrl != null) {
      builder.setAttribute(HttpKeys.URL_FULL, redactedUrl);
    }
    putServer(builder, request, url);
    if (settings.emitOldNames) {
      if (method != null) {
        builder.setAttribute(HttpKeys.OLD_HTTP_METHOD, method);
      }
      if (redactedUrl != null) {
        builder.setAttribute(HttpKeys.OLD_HTTP_URL, redactedUrl);
      }
    }
    Span span = builder.startSpan();
    if (!settings.requestHeaders.isEmpty()) {
      settings.requestHeaders.capture(span, request, requestHeaderValues);
    }
    return SpanKey.HTTP_CLIENT.storeIn(parent.with(span), span);
  }

  /** Writes {@code context} ({@code traceparent}, {@code tracestate}, {@code baggage}) into the outgoing request. */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    settings.propagation.inject(context, carrier, setter);
  }

  /**
   * Ends the span {@link #start} put in {@code context}. {@code response} is {@code null} when
   * none arrived; {@code error} is {@code null} when the call succeeded. A status of 400 or more
   * is an error.
   */
  public void end(Context context, REQ request, RES response, Throwable error) {
    Span span = SpanKey.HTTP_CLIENT.spanIn(context);
    if (span == null) {
      return;
    }
    Integer status = null;
    try {
      if (response != null) {
        status = getter.statusCode(response);
        if (!settings.responseHeaders.isEmpty()) {
          settings.responseHeaders.capture(span, response, responseHeaderValues);
        }
      }
      HttpSpanEnding.putProtocolVersion(span, getter.protocolVersion(request, response), settings.emitOldNames);
    } finally {
      HttpSpanEnding.end(span, status, 400, error, settings.emitOldNames);
    }
  }

  private void putServer(SpanBuilder builder, REQ request, String url) {
    String address = getter.serverAddress(request);
    Integer port = getter.serverPort(request);
    if (address == null || port == null) {
      HostAndPort fromUrl = HostAndPort.fromUrl(url);
      address = address != null ? address : fromUrl.host();
      port = port != null ? port : fromUrl.port();
    }
    if (address != null) {
      builder.setAttribute(SemanticKeys.SERVER_ADDRESS, address);
      if (settings.emitOldNames) {
        builder.setAttribute(HttpKeys.OLD_NET_PEER_NAME, address);
      }
    }
    if (port != null) {
      builder.setAttribute(SemanticKeys.SERVER_PORT, (long) port);
      if (settings.emitOldNames) {
        builder.setAttribute(HttpKeys.OLD_NET_PEER_PORT, (long) port);
      }
    }
  }
}
