package io.tracewire.instrumentation.api.matcher;

import java.util.List;
import java.util.Map;

/**
 * What a class file says about a method beyond its signature: the element values of its
 * annotations, the annotations of its parameters, and its parameter names (present when the class
 * was compiled with {@code -parameters}). Read from the class file on demand, during matching only.
 *
 * <p>Element values are {@code String}s, boxed primitives, enum constants as their names ({@code
 * "SERVER"}) and arrays as lists; nested annotations and class literals are left out. Only values
 * the class file spells out are there: an element left at its default is absent.
 */
public final class MethodDetails {

  /** Nothing known: no annotations, no parameter names. */
  public static final MethodDetails NONE = new MethodDetails(Map.of(), List.of(), List.of());

  private final Map<String, Map<String, Object>> annotations;
  private final List<Map<String, Map<String, Object>>> parameterAnnotations;
  private final List<String> parameterNames;

  /**
   * @param annotations element values by annotation type (binary name)
   * @param parameterAnnotations per parameter, element values by annotation type
   * @param parameterNames per parameter, its name or {@code null}; empty when the class file has none
   */
  public MethodDetails(
      Map<String, Map<String, Object>> annotations,
      List<Map<String, Map<String, Object>>> parameterAnnotations,
      List<String> parameterNames) {
    this.annotations = annotations;
    this.parameterAnnotations = parameterAnnotations;
    this.parameterNames = parameterNames;
  }

  /** The element values of the method's annotation of this type, or {@code null} when it has none. */
  public Map<String, Object> annotation(String typeName) {
    return annotations.get(typeName);
  }

  /**
   * The element values of the annotation of this type on parameter {@code index} (from 0), or
   * {@code null} when it has none.
   */
  public Map<String, Object> parameterAnnotation(int index, String typeName) {
    return index < parameterAnnotations.size() ? parameterAnnotations.get(index).get(typeName) : null;
  }

  /** The name of parameter {@code index} (from 0), or {@code null} when the class file has none. */
  public String parameterName(int index) {
    return index < parameterNames.size() ? parameterNames.get(index) : null;
  }
}
