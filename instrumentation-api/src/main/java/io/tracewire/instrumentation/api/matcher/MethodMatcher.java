package io.tracewire.instrumentation.api.matcher;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Selects the methods of a matched class that an interceptor is put on. */
@FunctionalInterface
public interface MethodMatcher {

  boolean matches(MethodInfo method);

  default MethodMatcher and(MethodMatcher other) {
    return method -> matches(method) && other.matches(method);
  }

  default MethodMatcher or(MethodMatcher other) {
    return method -> matches(method) || other.matches(method);
  }

  static MethodMatcher named(String name) {
    return method -> method.name().equals(name);
  }

  static MethodMatcher namedOneOf(String... names) {
    Set<String> set = Set.of(names);
    return method -> set.contains(method.name());
  }

  static MethodMatcher isPublic() {
    return MethodInfo::isPublic;
  }

  static MethodMatcher not(MethodMatcher matcher) {
    return method -> !matcher.matches(method);
  }

  static MethodMatcher takesArguments(int count) {
    return method -> method.parameterTypeNames().size() == count;
  }

  /** Exactly these parameter types, in this order. */
  static MethodMatcher takesArguments(Class<?>... types) {
    List<String> names = Arrays.stream(types).map(Class::getTypeName).collect(java.util.stream.Collectors.toList());
    return method -> method.parameterTypeNames().equals(names);
  }

  /** The parameter at {@code index} (from 0) exists and has this type. */
  static MethodMatcher takesArgument(int index, Class<?> type) {
    return takesArgument(index, type.getTypeName());
  }

  static MethodMatcher isStatic() {
    return MethodInfo::isStatic;
  }

  /** Constructors, for {@code MethodInterception.constructors}. */
  static MethodMatcher isConstructor() {
    return MethodInfo::isConstructor;
  }

  /** The method returns this type (a Java name: {@code void}, {@code java.lang.String}). */
  static MethodMatcher returns(String typeName) {
    return method -> method.returnTypeName().equals(typeName);
  }

  /** The method carries an annotation of this type (binary name). */
  static MethodMatcher annotatedWith(String annotationTypeName) {
    return method -> method.annotations().contains(annotationTypeName);
  }

  /** The parameter at {@code index} (from 0) exists and has this type (a Java name). */
  static MethodMatcher takesArgument(int index, String typeName) {
    return method -> {
      List<String> parameters = method.parameterTypeNames();
      return index < parameters.size() && parameters.get(index).equals(typeName);
    };
  }
}
