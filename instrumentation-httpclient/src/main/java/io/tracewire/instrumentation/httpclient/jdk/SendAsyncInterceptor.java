package io.tracewire.instrumentation.httpclient.jdk;

import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.httpclient.CallerContextFuture;
import java.util.concurrent.CompletableFuture;

/**
 * {@code HttpClient.sendAsync}: the span ends when the response or the failure arrives, and the
 * application gets a future whose stages run in its own context.
 */
final class SendAsyncInterceptor implements Interceptor {

  private final JdkClientCalls calls;

  SendAsyncInterceptor(JdkClientCalls calls) {
    this.calls = calls;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return calls.start(args);
  }

  @Override
  public Object onReturn(Object state, Object self, Object returned) {
    if (!(state instanceof ClientCall)) {
      return returned;
    }
    ClientCall call = (ClientCall) state;
    JdkClientCalls.leave(call);
    if (!(returned instanceof CompletableFuture)) {
      calls.end(call, null, null);
      return returned;
    }
    @SuppressWarnings("unchecked")
    CompletableFuture<Object> future = (CompletableFuture<Object>) returned;
    return CallerContextFuture.wrap(future, call.parent, (response, error) -> calls.end(call, response, error));
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof ClientCall) {
      ClientCall call = (ClientCall) state;
      try {
        JdkClientCalls.leave(call);
      } finally {
        calls.end(call, null, thrown);
      }
    }
  }
}
