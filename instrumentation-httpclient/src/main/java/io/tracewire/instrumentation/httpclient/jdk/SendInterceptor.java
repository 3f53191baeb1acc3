package io.tracewire.instrumentation.httpclient.jdk;

import io.tracewire.bootstrap.Interceptor;

/** {@code HttpClient.send}: one client span around the blocking call. */
class SendInterceptor implements Interceptor {

  final JdkClientCalls calls;

  SendInterceptor(JdkClientCalls calls) {
    this.calls = calls;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return calls.start(args);
  }

  /** The call returned (for {@code sendAsync}: only when it threw) or threw. */
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
