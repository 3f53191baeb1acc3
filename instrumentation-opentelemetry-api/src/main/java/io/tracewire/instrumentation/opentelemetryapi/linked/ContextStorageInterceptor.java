package io.tracewire.instrumentation.opentelemetryapi.linked;

/**
 * On the application's {@code ContextStorage.get()}: hands out the storage that keeps the
 * application's contexts in the agent's, whatever storage the API picked.
 */
public final class ContextStorageInterceptor extends ReturnValueInterceptor {

  @Override
  public Object onReturn(Object state, Object self, Object returned) {
    return BridgedContextStorage.INSTANCE;
  }
}
