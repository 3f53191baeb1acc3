package io.tracewire.agent.install;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Applies one {@link TypeInstrumentation} to a matched type: checks that the type has what the
 * required interceptions expect, then puts the dispatch advice, bound to each interceptor's id, on
 * the selected methods.
 */
final class AdviceTransformer implements AgentBuilder.Transformer {

  private final String moduleName;
  private final List<MethodInterception> interceptions;
  private final List<AsmVisitorWrapper> advice = new ArrayList<>();

  AdviceTransformer(String moduleName, TypeInstrumentation instrumentation, ClassFileLocator locator) {
    this.moduleName = moduleName;
    this.interceptions = instrumentation.interceptions();
    for (MethodInterception interception : interceptions) {
      int id = AdviceDispatcher.register(interception.interceptor());
      InterceptorNames.remember(id, moduleName, interception.interceptor());
      advice.add(
          Advice.withCustomMapping()
              .bind(InterceptorId.class, id)
              .to(DispatchAdvice.class, locator)
              .on(isMethod().and(not(isAbstract())).and(not(isNative())).and(interception.methods())));
    }
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    String missing = missingRequirement(type);
    if (missing != null) {
      AgentLog.debug(
          "instrumentation " + moduleName + " left " + type.getName() + " untouched: it has no "
              + missing + " (an unsupported library version?)");
      return builder;
    }
    AgentLog.debug("instrumenting " + type.getName() + " (" + moduleName + ")");
    DynamicType.Builder<?> result = builder;
    for (AsmVisitorWrapper wrapper : advice) {
      result = result.visit(wrapper);
    }
    return result;
  }

  private String missingRequirement(TypeDescription type) {
    for (MethodInterception interception : interceptions) {
      if (interception.isRequired() && !hasMethod(type, interception.methods())) {
        return interception.requirement();
      }
    }
    return null;
  }

  /** Whether the type or one of its superclasses declares a matching method. */
  private static boolean hasMethod(
      TypeDescription type, ElementMatcher<? super MethodDescription> methods) {
    for (TypeDefinition current = type; current != null; current = superClass(current)) {
      if (!current.getDeclaredMethods().filter(methods).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static TypeDefinition superClass(TypeDefinition type) {
    if (type.represents(Object.class)) {
      return null;
    }
    TypeDescription.Generic superClass = type.getSuperClass();
    return superClass == null ? null : superClass.asErasure();
  }
}
