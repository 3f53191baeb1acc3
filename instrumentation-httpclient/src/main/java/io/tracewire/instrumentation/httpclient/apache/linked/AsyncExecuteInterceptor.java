package io.tracewire.instrumentation.httpclient.apache.linked;

import io.opentelemetry.context.Context;
import io.tracewire.bootstrap.Interceptor;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/**
 * The async client's {@code doExecute(HttpHost, AsyncRequestProducer, AsyncResponseConsumer,
 * HandlerFactory, HttpContext, FutureCallback)}: producer, consumer and callback are wrapped to
 * see the request, the response and the outcome; the application's callback runs in its context.
 */
public final class AsyncExecuteInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length != 6
        || !(args[1] instanceof AsyncRequestProducer)
        || !(args[2] instanceof AsyncResponseConsumer)
        || args[1] instanceof TracingRequestProducer) {
      return null;
    }
    Context caller = Context.current();
    if (!ApacheTelemetry.get().shouldStart(caller)) {
      return null;
    }
    HttpHost target = args[0] instanceof HttpHost ? (HttpHost) args[0] : null;
    AsyncExchange exchange = new AsyncExchange(caller, target);
    args[1] = new TracingRequestProducer((AsyncRequestProducer) args[1], exchange);
    args[2] = new TracingResponseConsumer<>((AsyncResponseConsumer<?>) args[2], exchange);
    args[5] = new TracingFutureCallback<>((FutureCallback<?>) args[5], exchange);
    return exchange;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof AsyncExchange && thrown != null) {
      ((AsyncExchange) state).end(thrown);
    }
  }
}
