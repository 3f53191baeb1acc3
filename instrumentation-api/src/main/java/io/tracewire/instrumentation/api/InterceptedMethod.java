package io.tracewire.instrumentation.api;

import io.tracewire.instrumentation.api.matcher.MethodInfo;

/** One method an interception was put on: the binary name of its class and the method. */
public final class InterceptedMethod {

  private final String typeName;
  private final MethodInfo method;

  public InterceptedMethod(String typeName, MethodInfo method) {
    this.typeName = typeName;
    this.method = method;
  }

  /** The binary name of the class that declares the method, e.g. {@code com.acme.Orders}. */
  public String typeName() {
    return typeName;
  }

  public MethodInfo method() {
    return method;
  }

  @Override
  public String toString() {
    return typeName + "." + method;
  }
}
