package io.tracewire.instrumentation.httpclient.jdk;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;

/**
 * A copy of an immutable {@link HttpRequest} with some headers set: method, URI, body publisher,
 * timeout, version, expect-continue and every other header stay as the application built them.
 * The same steps as the JDK's own {@code HttpRequest.newBuilder(request, filter)} (Java 16+), which
 * the agent cannot call on Java 11.
 */
final class RequestCopy {

  private RequestCopy() {}

  /**
   * {@code original} with {@code headers} set (replacing any values of the same names), or {@code
   * original} itself when there is nothing to set or the copy cannot be made.
   */
  static HttpRequest withHeaders(HttpRequest original, Map<String, String> headers) {
    if (headers.isEmpty()) {
      return original;
    }
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder().uri(original.uri()).expectContinue(original.expectContinue());
      original.version().ifPresent(builder::version);
      original.timeout().ifPresent(builder::timeout);
      original
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!headers.containsKey(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> builder.header(name, value));
                }
              });
      headers.forEach(builder::setHeader);
      String method = original.method();
      original
          .bodyPublisher()
          .ifPresentOrElse(
              body -> builder.method(method, body),
              () -> {
                // Without a publisher, GET and DELETE are built as the JDK builds them.
                if ("GET".equals(method)) {
                  builder.GET();
                } else if ("DELETE".equals(method)) {
                  builder.DELETE();
                } else {
                  builder.method(method, HttpRequest.BodyPublishers.noBody());
                }
              });
      return builder.build();
    } catch (RuntimeException cannotCopy) {
      // The request goes out as the application built it, without the trace headers.
      return original;
    }
  }
}
