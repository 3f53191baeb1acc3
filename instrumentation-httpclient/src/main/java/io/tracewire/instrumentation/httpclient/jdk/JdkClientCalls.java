package io.tracewire.instrumentation.httpclient.jdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracewire.instrumentation.api.http.HttpClientTelemetry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Starts and ends the client span of one {@code send}/{@code sendAsync}, shared by both
 * interceptors. The span is current while the call runs on the caller's thread, so a client the
 * application built on top of this one (or {@code sendAsync} calling its own overload) makes no
 * second span.
 */
final class JdkClientCalls {

  private static final TextMapSetter<Map<String, String>> HEADERS =
      (carrier, name, value) -> {
        if (carrier != null) {
          carrier.put(name.toLowerCase(Locale.ROOT), value);
        }
      };

  private final HttpClientTelemetry<HttpRequest, HttpResponse<?>> telemetry;

  JdkClientCalls(HttpClientTelemetry<HttpRequest, HttpResponse<?>> telemetry) {
    this.telemetry = telemetry;
  }

  /**
   * Starts the span for the request in {@code args[0]} and replaces it with a copy that carries
   * the trace headers; {@code null} when no span is due.
   */
  ClientCall start(Object[] args) {
    if (args.length == 0 || !(args[0] instanceof HttpRequest)) {
      return null;
    }
    Context parent = Context.current();
    if (!telemetry.shouldStart(parent)) {
      return null;
    }
    HttpRequest request = (HttpRequest) args[0];
    Context context = telemetry.start(parent, request);
    Map<String, String> headers = new LinkedHashMap<>();
    telemetry.inject(context, headers, HEADERS);
    args[0] = RequestCopy.withHeaders(request, headers);
    return new ClientCall(parent, context, request, context.makeCurrent());
  }

  /** Leaves the caller's thread as it was; the span goes on until {@link #end}. */
  static void leave(ClientCall call) {
    call.scope.close();
  }

  void end(ClientCall call, Object response, Throwable error) {
    HttpResponse<?> received = response instanceof HttpResponse ? (HttpResponse<?>) response : null;
    telemetry.end(call.context, call.request, received, unwrap(error));
  }

  /** The cause a future's stage reports, without the wrapping the future adds. */
  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
