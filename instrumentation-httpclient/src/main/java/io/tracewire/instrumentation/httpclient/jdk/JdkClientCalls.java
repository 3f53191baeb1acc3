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
 * interceptors. The span is never made current: the work the client starts on its threads from
 * inside the call must carry the caller's context (body subscribers run there), not the client
 * span's. A per-thread flag makes {@code sendAsync} calling its own overload one span.
 */
final class JdkClientCalls {

  private static final TextMapSetter<Map<String, String>> HEADERS =
      (carrier, name, value) -> {
        if (carrier != null) {
          carrier.put(name.toLowerCase(Locale.ROOT), value);
        }
      };

  private final HttpClientTelemetry<HttpRequest, HttpResponse<?>> telemetry;
  private final ThreadLocal<boolean[]> inCall = ThreadLocal.withInitial(() -> new boolean[1]);

  JdkClientCalls(HttpClientTelemetry<HttpRequest, HttpResponse<?>> telemetry) {
    this.telemetry = telemetry;
  }

  /**
   * Starts the span for the request in {@code args[0]}, replaces it with a copy that carries the
   * trace headers and the body handler in {@code args[1]} with one that runs its subscriber in
   * the caller's context; {@code null} when no span is due.
   */
  ClientCall start(Object[] args) {
    if (args.length < 2 || !(args[0] instanceof HttpRequest)) {
      return null;
    }
    boolean[] calling = inCall.get();
    Context parent = Context.current();
    if (calling[0] || !telemetry.shouldStart(parent)) {
      return null;
    }
    HttpRequest request = (HttpRequest) args[0];
    Context context = telemetry.start(parent, request);
    Map<String, String> headers = new LinkedHashMap<>();
    telemetry.inject(context, headers, HEADERS);
    args[0] = RequestCopy.withHeaders(request, headers);
    if (args[1] instanceof HttpResponse.BodyHandler) {
      args[1] = new CallerContextBodyHandler<>((HttpResponse.BodyHandler<?>) args[1], parent);
    }
    calling[0] = true;
    return new ClientCall(parent, context, request, calling);
  }

  /** The call returned to the caller; the span goes on until {@link #end}. */
  static void leave(ClientCall call) {
    call.inCall[0] = false;
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
