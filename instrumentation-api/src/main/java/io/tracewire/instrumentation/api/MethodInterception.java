package io.tracewire.instrumentation.api;

import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * An interceptor put on the methods of a matched type that a matcher selects. Class
 * initializers, abstract, native and bridge methods are never selected; constructors only by
 * {@link #constructors}.
 *
 * <p>The interceptor comes in one of three forms:
 *
 * <ul>
 *   <li>one {@link Interceptor} for every selected method;
 *   <li>one per selected method, made by a factory that is told which method it is for ({@link
 *       InterceptedMethod}), so it can name spans after it or tell methods apart;
 *   <li>{@linkplain #linked linked}: a class name. The class, and every class of its package and
 *       below, is loaded once per application class loader in a loader that sees both the
 *       instrumented library's classes and the agent's, so it may implement and call the
 *       library's own types (an OkHttp {@code Interceptor}, a RabbitMQ {@code Consumer}). Such a
 *       loader lives exactly as long as the instrumented classes that use it.
 * </ul>
 *
 * <p>A <em>required</em> interception names methods the library must have: when a matched type
 * (with its superclasses) has no such method, it is from a library version this instrumentation
 * does not know, and the whole type is left untouched, with a debug line.
 */
public final class MethodInterception {

  private final MethodMatcher methods;
  private final Function<InterceptedMethod, Interceptor> factory;
  private final String linkedClassName;
  private final String requirement;
  private final boolean constructors;
  private final boolean readsArguments;
  private final int[] replacedArguments;
  private final boolean replacesReturnValue;
  private final boolean exits;

  private MethodInterception(
      MethodMatcher methods,
      Function<InterceptedMethod, Interceptor> factory,
      String linkedClassName,
      String requirement,
      boolean constructors,
      boolean readsArguments,
      int[] replacedArguments,
      boolean replacesReturnValue,
      boolean exits) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.exits = exits;
    this.factory = factory;
    this.linkedClassName = linkedClassName;
    this.requirement = requirement;
    this.constructors = constructors;
    this.readsArguments = readsArguments;
    this.replacedArguments = replacedArguments;
    this.replacesReturnValue = replacesReturnValue;
  }

  private static MethodInterception of(
      MethodMatcher methods,
      Function<InterceptedMethod, Interceptor> factory,
      String linkedClassName,
      String requirement,
      boolean constructors) {
    return new MethodInterception(
        methods, factory, linkedClassName, requirement, constructors, true, new int[0], false, true);
  }

  /** Intercepts the matching methods, if the type has any. */
  public static MethodInterception optional(MethodMatcher methods, Interceptor interceptor) {
    Objects.requireNonNull(interceptor, "interceptor");
    return of(methods, method -> interceptor, null, null, false);
  }

  /** Intercepts the matching methods with an interceptor made for each of them. */
  public static MethodInterception perMethod(
      MethodMatcher methods, Function<InterceptedMethod, Interceptor> factory) {
    return of(methods, Objects.requireNonNull(factory, "factory"), null, null, false);
  }

  /**
   * Intercepts the matching methods with an instance of {@code interceptorClassName} (public, with
   * a public no-argument constructor), loaded next to each instrumented class's loader.
   */
  public static MethodInterception linked(MethodMatcher methods, String interceptorClassName) {
    return of(methods, null, Objects.requireNonNull(interceptorClassName, "class name"), null, false);
  }

  /**
   * Intercepts the matching methods; a type without one is left alone.
   *
   * @param description what is expected, for the debug line, e.g. {@code "greet(String)"}
   */
  public static MethodInterception required(
      MethodMatcher methods, Interceptor interceptor, String description) {
    Objects.requireNonNull(interceptor, "interceptor");
    return of(methods, method -> interceptor, null, Objects.requireNonNull(description), false);
  }

  /**
   * Intercepts the matching constructors: the interceptor's entry runs before the superclass
   * constructor (with no receiver), its exit after a normal completion, with the new object.
   */
  public static MethodInterception constructors(MethodMatcher constructors, Interceptor interceptor) {
    Objects.requireNonNull(interceptor, "interceptor");
    return of(constructors, method -> interceptor, null, null, true);
  }

  /** {@link #constructors}, with a linked interceptor class (see {@link #linked}). */
  public static MethodInterception linkedConstructors(
      MethodMatcher constructors, String interceptorClassName) {
    return of(constructors, null, Objects.requireNonNull(interceptorClassName), null, true);
  }

  /**
   * The interceptor never reads the arguments: unless another interception of the same method
   * does, none is boxed and the interceptor gets an empty array.
   */
  public MethodInterception withoutArguments() {
    return new MethodInterception(
        methods, factory, linkedClassName, requirement, constructors, false, replacedArguments,
        replacesReturnValue, exits);
  }

  /**
   * The interceptor's entry may store a new value for the argument at {@code index} (a reference
   * type) in the arguments array; the method's body runs with it when it is an instance of the
   * parameter's type.
   */
  public MethodInterception replacingArgument(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index " + index);
    }
    int[] replaced = Arrays.copyOf(replacedArguments, replacedArguments.length + 1);
    replaced[replacedArguments.length] = index;
    return new MethodInterception(
        methods, factory, linkedClassName, requirement, constructors, true, replaced,
        replacesReturnValue, exits);
  }

  /**
   * On a normal return the interceptor's {@link Interceptor#onReturn} is called in place of {@code
   * onExit}, and the method returns what it gives (when of the declared reference type).
   */
  public MethodInterception replacingReturnValue() {
    return new MethodInterception(
        methods, factory, linkedClassName, requirement, constructors, readsArguments,
        replacedArguments, true, true);
  }

  /**
   * The interceptor acts on entry only ({@code onExit} does nothing): no exit call, and no
   * catch-all unless another interception of the method needs one. For hot paths.
   */
  public MethodInterception withoutExit() {
    if (replacesReturnValue) {
      throw new IllegalStateException("an interception that replaces the return value needs its exit");
    }
    return new MethodInterception(
        methods, factory, linkedClassName, requirement, constructors, readsArguments,
        replacedArguments, false, false);
  }

  public MethodMatcher methods() {
    return methods;
  }

  /** The interceptor for one selected method; only for interceptions that are not linked. */
  public Interceptor interceptorFor(InterceptedMethod method) {
    if (factory == null) {
      throw new IllegalStateException("a linked interception has no interceptor in the agent");
    }
    return factory.apply(method);
  }

  /** The linked interceptor's class name, or {@code null} when the interceptor is the agent's. */
  public String linkedClassName() {
    return linkedClassName;
  }

  public boolean isLinked() {
    return linkedClassName != null;
  }

  public boolean isForConstructors() {
    return constructors;
  }

  public boolean readsArguments() {
    return readsArguments;
  }

  public int[] replacedArguments() {
    return replacedArguments.clone();
  }

  public boolean replacesReturnValue() {
    return replacesReturnValue;
  }

  /** Whether the interceptor's exit is called. */
  public boolean hasExit() {
    return exits;
  }

  public boolean isRequired() {
    return requirement != null;
  }

  /** What a required interception expects, or {@code null}. */
  public String requirement() {
    return requirement;
  }
}
