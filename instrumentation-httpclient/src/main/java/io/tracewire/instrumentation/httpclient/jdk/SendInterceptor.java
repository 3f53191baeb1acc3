package io.tracewire.instrumentation.httpclient.jdk;

import io.tracewire.bootstrap.Interceptor;

/** {@code HttpClient.send}: one client span around the blocking call. */
final class SendInterceptor implements Interceptor {

  private final JdkClientCalls calls;

  SendInterceptor(JdkClientCalls calls) {
    this.calls = calls;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return calls.start(args);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof ClientCall) {
      ClientCall call = (ClientCall) state;
      try {
        JdkClientCalls.leave(call);
      } finally {
        calls.end(call, returned, thrown);
      }
    }
  }
}
