package io.tracewire.instrumentation.opentelemetryapi.linked;

import io.tracewire.bootstrap.Interceptor;

/** An interceptor that only replaces what a method returns: nothing on entry, nothing on a throw. */
abstract class ReturnValueInterceptor implements Interceptor {

  @Override
  public final Object onEnter(Object self, Object[] args) {
    return null;
  }

  @Override
  public final void onExit(Object state, Object self, Object returned, Throwable thrown) {}

  @Override
  public abstract Object onReturn(Object state, Object self, Object returned);
}
