package io.tracewire.instrumentation.api;

import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import java.util.Objects;

/**
 * An interceptor put on the methods of a matched type that a matcher selects. Constructors, class
 * initializers, abstract, native and bridge methods are never selected.
 *
 * <p>A <em>required</em> interception names methods the library must have: when a matched type
 * (with its superclasses) has no such method, it is from a library version this instrumentation
 * does not know, and the whole type is left untouched, with a debug line.
 */
public final class MethodInterception {

  private final MethodMatcher methods;
  private final Interceptor interceptor;
  private final String requirement;

  private MethodInterception(
      MethodMatcher methods, Interceptor interceptor, String requirement) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    this.requirement = requirement;
  }

  /** Intercepts the matching methods, if the type has any. */
  public static MethodInterception optional(
      MethodMatcher methods, Interceptor interceptor) {
    return new MethodInterception(methods, interceptor, null);
  }

  /**
   * Intercepts the matching methods; a type without one is left alone.
   *
   * @param description what is expected, for the debug line, e.g. {@code "greet(String)"}
   */
  public static MethodInterception required(
      MethodMatcher methods, Interceptor interceptor, String description) {
    return new MethodInterception(methods, interceptor, Objects.requireNonNull(description));
  }

  public MethodMatcher methods() {
    return methods;
  }

  public Interceptor interceptor() {
    return interceptor;
  }

  public boolean isRequired() {
    return requirement != null;
  }

  /** What a required interception expects, or {@code null}. */
  public String requirement() {
    return requirement;
  }
}
