package io.tracewire.instrumentation.api.matcher;

import java.util.Set;

/**
 * Selects the classes a type instrumentation transforms. Keep matchers cheap: names and declared
 * methods first, {@link #isSubtypeOf} (which reads supertypes' class files) last.
 */
@FunctionalInterface
public interface TypeMatcher {

  boolean matches(TypeInfo type);

  default TypeMatcher and(TypeMatcher other) {
    return type -> matches(type) && other.matches(type);
  }

  default TypeMatcher or(TypeMatcher other) {
    return type -> matches(type) || other.matches(type);
  }

  static TypeMatcher named(String binaryName) {
    return type -> type.name().equals(binaryName);
  }

  static TypeMatcher namedOneOf(String... binaryNames) {
    Set<String> names = Set.of(binaryNames);
    return type -> names.contains(type.name());
  }

  /** The class's binary name starts with this package prefix, e.g. {@code "java.util.concurrent."}. */
  static TypeMatcher inPackage(String prefix) {
    return type -> type.name().startsWith(prefix);
  }

  static TypeMatcher isInterface() {
    return TypeInfo::isInterface;
  }

  static TypeMatcher not(TypeMatcher matcher) {
    return type -> !matcher.matches(type);
  }

  /** The class itself declares a method the matcher accepts. */
  static TypeMatcher declaresMethod(MethodMatcher methods) {
    return type -> {
      for (MethodInfo method : type.declaredMethods()) {
        if (methods.matches(method)) {
          return true;
        }
      }
      return false;
    };
  }

  /** The class is, extends or implements the named type, at any depth. */
  static TypeMatcher isSubtypeOf(String binaryName) {
    return type -> type.isSubtypeOf(binaryName);
  }
}
