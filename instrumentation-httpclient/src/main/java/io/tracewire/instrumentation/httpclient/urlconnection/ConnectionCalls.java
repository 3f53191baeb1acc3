package io.tracewire.instrumentation.httpclient.urlconnection;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.WeakIdentityMap;
import io.tracewire.instrumentation.api.http.HttpClientTelemetry;
import java.net.HttpURLConnection;

/**
 * One span per {@code HttpURLConnection} request: it starts at the first of {@code connect},
 * {@code getOutputStream} or {@code getInputStream} (every other way to the response goes through
 * {@code getInputStream}), where the trace headers are still settable, and ends when the response
 * status is known or the exchange failed. Connections are held weakly: one the application drops
 * takes its span state with it.
 */
final class ConnectionCalls {

  private static final TextMapSetter<HttpURLConnection> REQUEST_PROPERTIES =
      (connection, name, value) -> {
        if (connection != null) {
          connection.setRequestProperty(name, value);
        }
      };

  private final HttpClientTelemetry<UrlConnectionRequest, HttpURLConnection> telemetry;
  private final UrlConnectionGetter getter;
  private final WeakIdentityMap<HttpURLConnection, ConnectionCall> calls = new WeakIdentityMap<>();

  ConnectionCalls(InstrumentationContext context) {
    this.getter = new UrlConnectionGetter();
    this.telemetry = HttpClientTelemetry.create(context, getter);
  }

  /**
   * Enters one of the intercepted methods; the first one starts the span and sets the trace
   * headers. {@code opensOutput}: {@code getOutputStream}, which sends a GET as a POST.
   */
  ConnectionCall enter(Object self, boolean opensOutput) {
    if (!(self instanceof HttpURLConnection)) {
      return null;
    }
    HttpURLConnection connection = (HttpURLConnection) self;
    ConnectionCall call = calls.get(connection);
    if (call == null) {
      Context parent = Context.current();
      if (!telemetry.shouldStart(parent)) {
        return null;
      }
      String method = connection.getRequestMethod();
      if (opensOutput && connection.getDoOutput() && "GET".equals(method)) {
        method = "POST";
      }
      UrlConnectionRequest request = new UrlConnectionRequest(connection, method);
      call = new ConnectionCall(telemetry.start(parent, request), request);
      calls.put(connection, call);
      inject(call.context, connection);
    }
    return call.enter() ? call : null;
  }

  /**
   * Leaves an intercepted method. The span ends when the outermost {@code getInputStream}
   * returns or throws ({@code readsResponse}), or when the outermost {@code connect}/{@code
   * getOutputStream} fails: then no request went out, and a later call tries anew with a span of
   * its own.
   */
  void leave(ConnectionCall call, boolean readsResponse, Throwable thrown) {
    boolean failedBeforeResponse = !readsResponse && thrown != null;
    if (!call.leaveOutermost(readsResponse || failedBeforeResponse)) {
      return;
    }
    HttpURLConnection connection = call.request.connection;
    if (failedBeforeResponse) {
      calls.remove(connection);
      telemetry.end(call.context, call.request, null, thrown);
      return;
    }
    // An error status makes getInputStream throw; like other clients, the status is the outcome.
    Integer status = thrown == null ? null : getter.statusCode(connection);
    boolean answered = thrown == null || status != null;
    telemetry.end(call.context, call.request, answered ? connection : null, answered ? null : thrown);
  }

  private void inject(Context context, HttpURLConnection connection) {
    try {
      telemetry.inject(context, connection, REQUEST_PROPERTIES);
    } catch (RuntimeException alreadyConnected) {
      // Only possible before the request goes out: one connected earlier goes without.
    }
  }
}
