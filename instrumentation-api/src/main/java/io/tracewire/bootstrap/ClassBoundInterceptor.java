package io.tracewire.bootstrap;

/**
 * Finds the interceptor for one instrumented class. Registered in place of an {@link Interceptor}
 * when the interceptor's code links against the instrumented library's own types: it is then
 * loaded next to the class's loader (one copy per loader), which the woven code identifies by
 * passing its own class.
 */
public interface ClassBoundInterceptor {

  /** The interceptor for methods of {@code instrumented}, or {@code null} to skip the call. */
  Interceptor forClass(Class<?> instrumented);
}
