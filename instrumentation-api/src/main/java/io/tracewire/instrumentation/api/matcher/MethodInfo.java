package io.tracewire.instrumentation.api.matcher;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** A method as its class file declares it: name, JVM descriptor and access flags. */
public final class MethodInfo {

  private final String name;
  private final String descriptor;
  private final int access;
  private List<String> parameterTypeNames;

  public MethodInfo(String name, String descriptor, int access) {
    this.name = name;
    this.descriptor = descriptor;
    this.access = access;
  }

  public String name() {
    return name;
  }

  /** The JVM descriptor, e.g. {@code (Ljava/lang/String;I)Z}. */
  public String descriptor() {
    return descriptor;
  }

  public int access() {
    return access;
  }

  public boolean isPublic() {
    return Modifier.isPublic(access);
  }

  public boolean isStatic() {
    return Modifier.isStatic(access);
  }

  /** The parameter types as Java names: {@code java.lang.String}, {@code int}, {@code byte[]}. */
  public List<String> parameterTypeNames() {
    List<String> names = parameterTypeNames;
    if (names == null) {
      names = parseParameters(descriptor);
      parameterTypeNames = names;
    }
    return names;
  }

  private static List<String> parseParameters(String descriptor) {
    List<String> names = new ArrayList<>();
    int position = 1;
    while (descriptor.charAt(position) != ')') {
      int dimensions = 0;
      while (descriptor.charAt(position) == '[') {
        dimensions++;
        position++;
      }
      String element;
      char kind = descriptor.charAt(position);
      if (kind == 'L') {
        int end = descriptor.indexOf(';', position);
        element = descriptor.substring(position + 1, end).replace('/', '.');
        position = end + 1;
      } else {
        element = primitiveName(kind);
        position++;
      }
      names.add(element + "[]".repeat(dimensions));
    }
    return List.copyOf(names);
  }

  private static String primitiveName(char kind) {
    switch (kind) {
      case 'Z':
        return "boolean";
      case 'B':
        return "byte";
      case 'C':
        return "char";
      case 'S':
        return "short";
      case 'I':
        return "int";
      case 'J':
        return "long";
      case 'F':
        return "float";
      case 'D':
        return "double";
      default:
        throw new IllegalArgumentException("not a field type: " + kind);
    }
  }

  @Override
  public String toString() {
    return name + descriptor;
  }
}
