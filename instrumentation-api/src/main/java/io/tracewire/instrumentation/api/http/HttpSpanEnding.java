package io.tracewire.instrumentation.api.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanErrors;
import java.util.List;

/** What client and server spans share: the span name, the status code and the outcome. */
final class HttpSpanEnding {

  private HttpSpanEnding() {}

  /** The span name's method part: {@code HTTP} stands in for methods reported as {@code _OTHER}. */
  static String nameOf(String normalizedMethod) {
    return HttpMethods.OTHER.equals(normalizedMethod) ? "HTTP" : normalizedMethod;
  }

  static void putProtocolVersion(Span span, String reported, boolean emitOldNames) {
    String version = HttpProtocolVersion.normalize(reported);
    if (version == null) {
      return;
    }
    span.setAttribute(HttpKeys.NETWORK_PROTOCOL_VERSION, version);
    if (emitOldNames) {
      span.setAttribute(HttpKeys.OLD_NET_PROTOCOL_NAME, "http");
      span.setAttribute(HttpKeys.OLD_NET_PROTOCOL_VERSION, version);
    }
  }

  /**
   * Records the status code and the outcome, then ends the span. A thrown error wins over the
   * status for {@code error.type}: it is the more precise cause. URLs in exception messages are
   * redacted ({@code HttpURLConnection} repeats the request URL in its messages).
   */
  static void end(Span span, Integer status, int errorFromStatus, Throwable error, boolean emitOldNames) {
    try {
      boolean known = status != null && status > 0;
      if (known) {
        span.setAttribute(HttpKeys.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (emitOldNames) {
          span.setAttribute(HttpKeys.OLD_HTTP_STATUS_CODE, (long) status);
        }
      }
      if (error != null) {
        SpanErrors.record(span, error, UrlRedaction::redactUrlsInText);
      } else if (known && status >= errorFromStatus) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(SemanticKeys.ERROR_TYPE, String.valueOf(status));
      }
    } finally {
      span.end();
    }
  }

  static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
