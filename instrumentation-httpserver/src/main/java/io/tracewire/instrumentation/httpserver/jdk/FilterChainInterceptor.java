package io.tracewire.instrumentation.httpserver.jdk;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.http.HttpServerTelemetry;

/**
 * {@code Filter.Chain.doFilter(HttpExchange)}: the server calls it once per request with the
 * user's filters and the handler behind it, and every filter calls it again for the next one. The
 * outermost call makes the SERVER span and keeps it current until the handler and every filter
 * returned; the nested calls find it current and make none.
 */
final class FilterChainInterceptor implements Interceptor {

  private final HttpServerTelemetry<HttpExchange, HttpExchange> telemetry;

  FilterChainInterceptor(HttpServerTelemetry<HttpExchange, HttpExchange> telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length != 1 || !(args[0] instanceof HttpExchange)) {
      return null;
    }
    Context current = Context.current();
    if (!telemetry.shouldStart(current)) {
      return null;
    }
    HttpExchange exchange = (HttpExchange) args[0];
    Context context = telemetry.start(current, exchange);
    return new Handling(exchange, context, context.makeCurrent());
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (!(state instanceof Handling)) {
      return;
    }
    Handling handling = (Handling) state;
    try {
      handling.scope.close();
    } finally {
      telemetry.end(handling.context, handling.exchange, handling.exchange, thrown);
    }
  }

  /** One request being handled on this thread. */
  private static final class Handling {
    final HttpExchange exchange;
    final Context context;
    final Scope scope;

    Handling(HttpExchange exchange, Context context, Scope scope) {
      this.exchange = exchange;
      this.context = context;
      this.scope = scope;
    }
  }
}
