package io.tracewire.testing.extension;

import io.tracewire.bootstrap.Interceptor;

/** Fails on enter and on exit, as a buggy instrumentation would. */
final class ThrowingInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    throw new IllegalStateException("enter advice failed on purpose");
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    throw new IllegalStateException("exit advice failed on purpose");
  }
}
