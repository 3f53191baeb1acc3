package io.tracewire.testing.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares attribute values the way tests mean them, whatever the boxed width of a literal. */
final class Values {

  private Values() {}

  /**
   * Widens to the types OTLP carries: integral numbers to {@link Long}, {@link Float} to {@link Double},
   * and the elements of a list likewise, so {@code 5432} matches a received {@code 5432L}.
   */
  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof List<?>) {
      List<Object> list = new ArrayList<>();
      for (Object element : (List<?>) value) {
        list.add(normalize(element));
      }
      return list;
    }
    return value;
  }

  /** Whether an expected value (as written in a test) equals a received attribute value. */
  static boolean matches(Object expected, Object actual) {
    return Objects.equals(normalize(expected), actual);
  }

  /** The value followed by its type, so {@code "5432" (String)} and {@code 5432 (Long)} are told apart. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return text + " (" + value.getClass().getSimpleName() + ")";
  }
}
