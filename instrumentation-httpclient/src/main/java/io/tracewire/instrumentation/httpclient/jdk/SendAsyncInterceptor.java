package io.tracewire.instrumentation.httpclient.jdk;

import io.tracewire.instrumentation.httpclient.CallerContextFuture;
import java.util.concurrent.CompletableFuture;

/**
 * {@code HttpClient.sendAsync}: the span ends when the response or the failure arrives, and the
 * application gets a future whose stages run in its own context. A call that throws at once ends
 * its span as {@code send} does.
 */
final class SendAsyncInterceptor extends SendInterceptor {

  SendAsyncInterceptor(JdkClientCalls calls) {
    super(calls);
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
}
