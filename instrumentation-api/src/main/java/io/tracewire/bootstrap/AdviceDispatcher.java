package io.tracewire.bootstrap;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The single entry point that woven code calls. It looks up the interceptor by the id bound into
 * the code at transformation time and never lets an interceptor's failure reach the application:
 * errors go to the {@link ErrorListener} and the call carries on.
 *
 * <p>While an interceptor runs on a thread, woven methods it calls on that thread (directly or
 * deep inside a library or the JDK) dispatch to nothing: the agent never traces its own work, and
 * an interceptor can never recurse into itself. The agent's own threads run that way throughout
 * ({@link #silently}).
 */
public final class AdviceDispatcher {

  /** Told about every failure an interceptor raised, so the agent can log it in debug mode. */
  public interface ErrorListener {
    void onInterceptorError(int id, Throwable error);
  }

  /** What woven code hands over when the method has no arguments, or none is read. */
  public static final Object[] NO_ARGUMENTS = new Object[0];

  private static final Object LOCK = new Object();
  /** {@link Interceptor}s and {@link ClassBoundInterceptor}s by id. */
  private static volatile Object[] slots = new Object[0];
  private static volatile ErrorListener errorListener;
  /**
   * How deep this thread is in agent code; woven calls dispatch only at depth 0. (No lambda here:
   * this class loads in {@code premain}, and the first lambda of the boot loader is costly.)
   */
  private static final ThreadLocal<int[]> AGENT_DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private AdviceDispatcher() {}

  /** Registers an interceptor and returns the id that woven code must pass to reach it. */
  public static int register(Interceptor interceptor) {
    return add(interceptor);
  }

  /**
   * Registers an interceptor found per instrumented class; woven code passes its class along with
   * the returned id.
   */
  public static int register(ClassBoundInterceptor interceptors) {
    return add(interceptors);
  }

  private static int add(Object slot) {
    if (slot == null) {
      throw new NullPointerException("interceptor");
    }
    synchronized (LOCK) {
      Object[] current = slots;
      Object[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = slot;
      slots = next;
      return current.length;
    }
  }

  public static void setErrorListener(ErrorListener listener) {
    errorListener = listener;
  }

  /**
   * @param instrumented the woven class, passed only where the id is class-bound (else {@code
   *     null})
   */
  public static Object enter(int id, Class<?> instrumented, Object self, Object[] args) {
    int[] depth = AGENT_DEPTH.get();
    if (depth[0] != 0) {
      return null;
    }
    depth[0] = 1;
    try {
      Interceptor interceptor = interceptor(id, instrumented);
      return interceptor == null ? null : interceptor.onEnter(self, args);
    } catch (Throwable error) {
      report(id, error);
      return null;
    } finally {
      depth[0] = 0;
    }
  }

  public static void exit(
      int id, Class<?> instrumented, Object state, Object self, Object returned, Throwable thrown) {
    int[] depth = AGENT_DEPTH.get();
    if (depth[0] != 0) {
      return;
    }
    depth[0] = 1;
    try {
      Interceptor interceptor = interceptor(id, instrumented);
      if (interceptor != null) {
        interceptor.onExit(state, self, returned, thrown);
      }
    } catch (Throwable error) {
      report(id, error);
    } finally {
      depth[0] = 0;
    }
  }

  /**
   * A normal return through an interception that may replace the return value: what the method
   * returns, which is {@code returned} unless the interceptor gave a value of the declared type.
   */
  public static Object exitReturning(
      int id, Class<?> instrumented, Object state, Object self, Object returned, Class<?> type) {
    int[] depth = AGENT_DEPTH.get();
    if (depth[0] != 0) {
      return returned;
    }
    depth[0] = 1;
    try {
      Interceptor interceptor = interceptor(id, instrumented);
      if (interceptor == null) {
        return returned;
      }
      Object replacement = interceptor.onReturn(state, self, returned);
      return replacement == returned || type.isInstance(replacement) ? replacement : returned;
    } catch (Throwable error) {
      report(id, error);
      return returned;
    } finally {
      depth[0] = 0;
    }
  }

  /**
   * The value a replaceable reference argument has once the entries ran: {@code args[index]} if
   * it is an instance of the parameter's declared type, else the original (a {@code null} or
   * mistyped replacement is never passed on, so the woven cast that follows cannot fail).
   */
  public static Object argument(Object[] args, int index, Object original, Class<?> type) {
    try {
      Object candidate = args[index];
      return candidate == original || type.isInstance(candidate) ? candidate : original;
    } catch (Throwable error) {
      return original;
    }
  }

  /**
   * Runs agent work on this thread: the woven methods it calls dispatch to no interceptor (the
   * agent's own export, for one, must never be traced).
   */
  public static <T> T silently(Supplier<T> work) {
    int[] depth = AGENT_DEPTH.get();
    depth[0]++;
    try {
      return work.get();
    } finally {
      depth[0]--;
    }
  }

  /** {@link #silently(Supplier)} for work without a result, e.g. a thread's whole run. */
  public static void silently(Runnable work) {
    int[] depth = AGENT_DEPTH.get();
    depth[0]++;
    try {
      work.run();
    } finally {
      depth[0]--;
    }
  }

  private static Interceptor interceptor(int id, Class<?> instrumented) {
    Object slot = slots[id];
    if (slot instanceof Interceptor) {
      return (Interceptor) slot;
    }
    return instrumented == null ? null : ((ClassBoundInterceptor) slot).forClass(instrumented);
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
