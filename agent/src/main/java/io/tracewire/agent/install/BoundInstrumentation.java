package io.tracewire.agent.install;

import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.InterceptedMethod;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodInfo;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A module's type instrumentation with its interceptors registered under dispatch ids: once for
 * a shared or linked interceptor, once per method for an interceptor made per method.
 */
final class BoundInstrumentation {

  private final String moduleName;
  private final TypeInstrumentation type;
  private final List<MethodInterception> interceptions;
  /** Per linked interception, its id; -1 for the others. */
  private final int[] linkedIds;
  /** Ids of the agent-loader interceptors by identity, and of per-method ones by method. */
  private final Map<Interceptor, Integer> idsByInterceptor = new IdentityHashMap<>();
  private final Map<String, Integer> idsByMethod = new ConcurrentHashMap<>();

  BoundInstrumentation(String moduleName, TypeInstrumentation type, ClassLoader agentLoader) {
    this.moduleName = moduleName;
    this.type = type;
    this.interceptions = type.interceptions();
    this.linkedIds = new int[interceptions.size()];
    for (int i = 0; i < linkedIds.length; i++) {
      MethodInterception interception = interceptions.get(i);
      linkedIds[i] = -1;
      if (interception.isLinked()) {
        LinkedInterceptors linked =
            new LinkedInterceptors(interception.linkedClassName(), agentLoader, moduleName);
        linkedIds[i] = AdviceDispatcher.register(linked);
        InterceptorNames.remember(linkedIds[i], moduleName, interception.linkedClassName());
      }
    }
  }

  String moduleName() {
    return moduleName;
  }

  boolean addsObjectField() {
    return type.addsObjectField();
  }

  List<String> jdkPackages() {
    return type.jdkPackages();
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

  /**
   * Adds to {@code weavings} (keyed by method name and descriptor) what this instrumentation
   * weaves into each weavable method the class declares.
   */
  void addWeavings(ClassFileInfo info, Map<String, MethodWeaving> weavings) {
    for (MethodInfo method : info.declaredMethods()) {
      if (!DispatchWeaver.isWeavable(method.access(), method.name())) {
        continue;
      }
      MethodWeaving weaving = weavingFor(info.name(), method);
      if (weaving != null) {
        weavings.merge(method.name() + method.descriptor(), weaving, MethodWeaving::and);
      }
    }
  }

  /**
   * What the interceptions that select {@code method} of type {@code typeName} weave, in
   * registration order, or {@code null} when none does.
   */
  private MethodWeaving weavingFor(String typeName, MethodInfo method) {
    MethodWeaving result = null;
    for (int i = 0; i < interceptions.size(); i++) {
      MethodInterception interception = interceptions.get(i);
      if (interception.isForConstructors() != method.isConstructor()
          || !interception.methods().matches(method)) {
        continue;
      }
      boolean linked = interception.isLinked();
      int id = linked ? linkedIds[i] : idFor(i, interception, typeName, method);
      MethodWeaving weaving =
          new MethodWeaving(
              new int[] {id},
              new boolean[] {linked},
              new boolean[] {interception.replacesReturnValue()},
              new boolean[] {interception.hasExit()},
              interception.replacedArguments(),
              interception.readsArguments());
      result = result == null ? weaving : result.and(weaving);
    }
    return result;
  }

  private int idFor(int index, MethodInterception interception, String typeName, MethodInfo method) {
    String key = index + " " + typeName + "." + method.name() + method.descriptor();
    return idsByMethod.computeIfAbsent(
        key,
        ignored -> {
          Interceptor interceptor = interception.interceptorFor(new InterceptedMethod(typeName, method));
          synchronized (idsByInterceptor) {
            return idsByInterceptor.computeIfAbsent(
                interceptor,
                added -> {
                  int id = AdviceDispatcher.register(added);
                  InterceptorNames.remember(id, moduleName, added.getClass().getSimpleName());
                  return id;
                });
          }
        });
  }
}
