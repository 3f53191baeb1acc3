package io.tracewire.bootstrap;

import java.util.Arrays;

/**
 * The single entry point that inlined advice calls. It looks up the interceptor by the id bound
 * into the advice at transformation time and never lets an interceptor's failure reach the
 * application: errors go to the {@link ErrorListener} and the call carries on.
 */
public final class AdviceDispatcher {

  /** Told about every failure an interceptor raised, so the agent can log it in debug mode. */
  public interface ErrorListener {
    void onInterceptorError(int id, Throwable error);
  }

  private static final Object LOCK = new Object();
  private static volatile Interceptor[] interceptors = new Interceptor[0];
  private static volatile ErrorListener errorListener;

  private AdviceDispatcher() {}

  /** Registers an interceptor and returns the id that advice must pass to reach it. */
  public static int register(Interceptor interceptor) {
    synchronized (LOCK) {
      Interceptor[] current = interceptors;
      Interceptor[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = interceptor;
      interceptors = next;
      return current.length;
    }
  }

  public static void setErrorListener(ErrorListener listener) {
    errorListener = listener;
  }

  public static Object enter(int id, Object self, Object[] args) {
    try {
      return interceptors[id].onEnter(self, args);
    } catch (Throwable error) {
      report(id, error);
      return null;
    }
  }

  public static void exit(int id, Object state, Object self, Object returned, Throwable thrown) {
    try {
      interceptors[id].onExit(state, self, returned, thrown);
    } catch (Throwable error) {
      report(id, error);
    }
  }

  private static void report(int id, Throwable error) {
    ErrorListener listener = errorListener;
    if (listener != null) {
      try {
        listener.onInterceptorError(id, error);
      } catch (Throwable ignored) {
        // A failing logger must not reach the application either.
      }
    }
  }
}
