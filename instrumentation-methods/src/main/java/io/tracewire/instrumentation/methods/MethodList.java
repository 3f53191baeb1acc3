package io.tracewire.instrumentation.methods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses {@code otel.instrumentation.methods.include}: {@code com.acme.Orders[place,cancel];
 * com.acme.Stock[reserve]}, a class name and its method names per entry.
 */
final class MethodList {

  private MethodList() {}

  /**
   * Class name to method names, in order. A malformed entry is reported to {@code problems} and
   * skipped.
   */
  static Map<String, List<String>> parse(String value, Consumer<String> problems) {
    Map<String, List<String>> methods = new LinkedHashMap<>();
    if (value == null) {
      return methods;
    }
    for (String entry : value.split(";")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int open = trimmed.indexOf('[');
      if (open <= 0 || !trimmed.endsWith("]")) {
        problems.accept(trimmed);
        continue;
      }
      String className = trimmed.substring(0, open).trim();
      if (!isJavaName(className)) {
        problems.accept(trimmed);
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String method : trimmed.substring(open + 1, trimmed.length() - 1).split(",")) {
        String name = method.trim();
        if (!name.isEmpty() && isJavaName(name) && name.indexOf('.') < 0) {
          names.add(name);
        } else if (!name.isEmpty()) {
          problems.accept(trimmed);
        }
      }
      if (!names.isEmpty()) {
        methods.computeIfAbsent(className, ignored -> new ArrayList<>()).addAll(names);
      }
    }
    methods.replaceAll((className, names) -> Collections.unmodifiableList(names));
    return methods;
  }

  private static boolean isJavaName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isJavaIdentifierPart(c) || c == '.')) {
        return false;
      }
    }
    return Character.isJavaIdentifierStart(name.charAt(0));
  }
}
