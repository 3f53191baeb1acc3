package io.tracewire.bootstrap;

/**
 * The logic behind one piece of advice. Advice inlined into an application class calls
 * {@link AdviceDispatcher}, which forwards to the interceptor registered under the advice's id.
 *
 * <p>This type lives on the bootstrap class path so that every class, whatever its loader, can
 * reach it; implementations live in the agent's own class loader. Signatures therefore use only
 * {@code java.lang} types.
 */
public interface Interceptor {

  /**
   * Called when the instrumented method is entered.
   *
   * @param self the receiver, or {@code null} for a static method
   * @param args the method's arguments
   * @return state handed back to {@link #onExit}, or {@code null}
   */
  Object onEnter(Object self, Object[] args);

  /**
   * Called when the instrumented method returns or throws.
   *
   * @param state what {@link #onEnter} returned ({@code null} if it failed, or if it never ran
   *     because the JVM failed the call before it, e.g. with a stack overflow)
   * @param self the receiver, or {@code null} for a static method
   * @param returned the return value, or {@code null} for {@code void} or when it threw
   * @param thrown what the method threw, or {@code null}
   */
  void onExit(Object state, Object self, Object returned, Throwable thrown);
}
