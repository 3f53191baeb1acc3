package io.tracewire.instrumentation.api.matcher;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A method as its class file declares it: name, JVM descriptor, access flags and the annotations
 * on it.
 */
public final class MethodInfo {

  private final String name;
  private final String descriptor;
  private final int access;
  private final Set<String> annotations;
  private final Supplier<MethodDetails> detailsReader;
  private List<String> parameterTypeNames;
  private MethodDetails details;

  public MethodInfo(String name, String descriptor, int access) {
    this(name, descriptor, access, Set.of());
  }

  /** @param annotations binary names of the method's annotation types (runtime and class retention) */
  public MethodInfo(String name, String descriptor, int access, Set<String> annotations) {
    this(name, descriptor, access, annotations, () -> MethodDetails.NONE);
  }

  /**
   * @param detailsReader reads the method's {@link MethodDetails} from its class file, on the first
   *     call of {@link #details()} only
   */
  public MethodInfo(
      String name,
      String descriptor,
      int access,
      Set<String> annotations,
      Supplier<MethodDetails> detailsReader) {
    this.name = name;
    this.descriptor = descriptor;
    this.access = access;
    // Most methods have none: Set.of() costs nothing where copyOf would copy an empty set.
    this.annotations = annotations.isEmpty() ? Set.of() : Set.copyOf(annotations);
    this.detailsReader = detailsReader;
  }

  /**
   * Annotation values, parameter annotations and parameter names, read from the class file the
   * first time they are asked for. Ask only while the class is being matched (in a matcher or an
   * interceptor factory): afterwards the class file is gone and this is {@link MethodDetails#NONE}
   * unless it was read before. Most classes are never asked, so they cost nothing more to match.
   */
  public MethodDetails details() {
    MethodDetails known = details;
    if (known == null) {
      known = detailsReader.get();
      details = known;
    }
    return known;
  }

  /** Binary names of the annotation types on the method, e.g. {@code io.opentelemetry...WithSpan}. */
  public Set<String> annotations() {
    return annotations;
  }

  public boolean isConstructor() {
    return name.equals("<init>");
  }

  /** The return type as a Java name: {@code void}, {@code int}, {@code java.lang.String}. */
  public String returnTypeName() {
    String returned = descriptor.substring(descriptor.indexOf(')') + 1);
    return returned.equals("V") ? "void" : typeNames(returned).get(0);
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
      names = typeNames(descriptor.substring(1, descriptor.indexOf(')')));
      parameterTypeNames = names;
    }
    return names;
  }

  /** The Java names of a run of field descriptors, e.g. {@code Ljava/lang/String;I}. */
  private static List<String> typeNames(String descriptors) {
    String descriptor = descriptors;
    List<String> names = new ArrayList<>();
    int position = 0;
    while (position < descriptor.length()) {
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
