package io.tracewire.instrumentation.opentelemetryapi.linked;

import io.tracewire.bootstrap.Interceptor;

/**
 * On the application's {@code ContextStorage.get()}: hands out the storage that keeps the
 * application's contexts in the agent's, whatever storage the API picked.
 */
public final class ContextStorageInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    return null;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {}

  @Override
  public Object onReturn(Object state, Object self, Object returned) {
    return BridgedContextStorage.INSTANCE;
  }
}
