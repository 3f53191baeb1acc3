package io.tracewire.bootstrap;

/**
 * The logic behind one piece of advice. Advice inlined into an application class calls
 * {@link AdviceDispatcher}, which forwards to the interceptor registered under the advice's id.
 *
 * <p>This type lives on the bootstrap class path so that every class, whatever its loader, can
 * reach it; implementations live in the agent's own class loader, or in a loader linked to the
 * instrumented library (see {@link ClassBoundInterceptor}). Signatures therefore use only {@code
 * java.lang} types.
 */
public interface Interceptor {

  /**
   * Called when the instrumented method is entered. For a constructor it runs before the
   * superclass constructor, so {@code self} is {@code null}.
   *
   * @param self the receiver, or {@code null} for a static method or a constructor
   * @param args the method's arguments, one array shared by every interceptor of the call (empty
   *     when the method has none, or when no interceptor of the method reads them). An interception
   *     that declares it replaces argument {@code i} may store a new value at {@code args[i]}: the
   *     body then runs with it, provided it is an instance of the parameter's declared type
   *     (anything else is ignored, never cast).
   * @return state handed back to {@link #onExit}, or {@code null}
   */
  Object onEnter(Object self, Object[] args);

  /**
   * Called when the instrumented method returns or throws (for a constructor, only when it
   * returns).
   *
   * @param state what {@link #onEnter} returned ({@code null} if it failed, or if it never ran
   *     because the JVM failed the call before it, e.g. with a stack overflow)
   * @param self the receiver, or {@code null} for a static method
   * @param returned the return value, or {@code null} for {@code void} or when it threw
   * @param thrown what the method threw, or {@code null}
   */
  void onExit(Object state, Object self, Object returned, Throwable thrown);

  /**
   * Called in place of {@link #onExit} when the method returns normally and its interception
   * declares that it replaces the return value (reference types only). The method returns what
   * this returns, provided it is {@code null} where {@code returned} was, or an instance of the
   * method's declared return type; anything else is ignored, never cast.
   */
  default Object onReturn(Object state, Object self, Object returned) {
    onExit(state, self, returned, null);
    return returned;
  }
}
