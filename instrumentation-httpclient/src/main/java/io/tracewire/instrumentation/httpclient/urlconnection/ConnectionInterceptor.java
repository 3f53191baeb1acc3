package io.tracewire.instrumentation.httpclient.urlconnection;

import io.tracewire.bootstrap.Interceptor;

/** {@code connect}, {@code getOutputStream} or {@code getInputStream} of an HTTP(S) connection. */
final class ConnectionInterceptor implements Interceptor {

  private final ConnectionCalls calls;
  private final boolean opensOutput;
  private final boolean readsResponse;

  private ConnectionInterceptor(ConnectionCalls calls, boolean opensOutput, boolean readsResponse) {
    this.calls = calls;
    this.opensOutput = opensOutput;
    this.readsResponse = readsResponse;
  }

  static ConnectionInterceptor forMethod(ConnectionCalls calls, String methodName) {
    return new ConnectionInterceptor(
        calls, methodName.equals("getOutputStream"), methodName.equals("getInputStream"));
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return calls.enter(self, opensOutput);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof ConnectionCall) {
      calls.leave((ConnectionCall) state, readsResponse, thrown);
    }
  }
}
