package io.tracewire.agent.install;

import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodInfo;
import java.util.List;

/** A module's type instrumentation with its interceptors registered under dispatch ids. */
final class BoundInstrumentation {

  private final String moduleName;
  private final TypeInstrumentation type;
  private final List<MethodInterception> interceptions;
  private final int[] ids;

  BoundInstrumentation(String moduleName, TypeInstrumentation type) {
    this.moduleName = moduleName;
    this.type = type;
    this.interceptions = type.interceptions();
    this.ids = new int[interceptions.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = AdviceDispatcher.register(interceptions.get(i).interceptor());
      InterceptorNames.remember(ids[i], moduleName, interceptions.get(i).interceptor());
    }
  }

  String moduleName() {
    return moduleName;
  }

  boolean matches(ClassLoader loader, ClassFileInfo info) {
    return type.classLoaderMatcher().test(loader) && type.typeMatcher().matches(info);
  }

  /**
   * What a required interception expects and neither the type nor its superclasses declare, or
   * {@code null} when nothing is missing.
   */
  String missingRequirement(ClassFileInfo info) {
    for (MethodInterception interception : interceptions) {
      if (interception.isRequired() && !declaredInHierarchy(info, interception)) {
        return interception.requirement();
      }
    }
    return null;
  }

  private static boolean declaredInHierarchy(ClassFileInfo info, MethodInterception interception) {
    for (ClassFileInfo current = info; current != null; current = current.superClass()) {
      for (MethodInfo method : current.declaredMethods()) {
        if (interception.methods().matches(method)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The ids of the interceptors that select {@code method}, in registration order. */
  int[] idsFor(MethodInfo method) {
    int[] selected = new int[ids.length];
    int count = 0;
    for (int i = 0; i < ids.length; i++) {
      if (interceptions.get(i).methods().matches(method)) {
        selected[count++] = ids[i];
      }
    }
    return java.util.Arrays.copyOf(selected, count);
  }
}
