package io.tracewire.instrumentation.opentelemetryapi.annotations;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One {@code @SpanAttribute} parameter: its position, and the attribute its value becomes, typed
 * after the parameter's declared type (numbers as longs or doubles, booleans, strings and string
 * arrays; anything else as its {@code toString()}).
 */
final class ParameterAttribute {

  private static final Set<String> WHOLE_NUMBERS =
      Set.of("int", "long", "short", "byte", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte");
  private static final Set<String> DECIMALS = Set.of("double", "float", "java.lang.Double", "java.lang.Float");
  private static final Set<String> BOOLEANS = Set.of("boolean", "java.lang.Boolean");

  private final int index;
  private final AttributeKey<?> key;

  private ParameterAttribute(int index, AttributeKey<?> key) {
    this.index = index;
    this.key = key;
  }

  static ParameterAttribute of(int index, String name, String declaredType) {
    AttributeKey<?> key;
    if (WHOLE_NUMBERS.contains(declaredType)) {
      key = AttributeKey.longKey(name);
    } else if (DECIMALS.contains(declaredType)) {
      key = AttributeKey.doubleKey(name);
    } else if (BOOLEANS.contains(declaredType)) {
      key = AttributeKey.booleanKey(name);
    } else if (declaredType.equals("java.lang.String[]")) {
      key = AttributeKey.stringArrayKey(name);
    } else {
      key = AttributeKey.stringKey(name);
    }
    return new ParameterAttribute(index, key);
  }

  AttributeKey<?> key() {
    return key;
  }

  /** Puts the argument's value on the span; a {@code null} argument adds nothing. */
  @SuppressWarnings("unchecked")
  void putOn(SpanBuilder span, Object[] args) {
    Object value = index < args.length ? args[index] : null;
    if (value == null) {
      return;
    }
    switch (key.getType()) {
      case LONG:
        span.setAttribute((AttributeKey<Long>) key, ((Number) value).longValue());
        break;
      case DOUBLE:
        span.setAttribute((AttributeKey<Double>) key, ((Number) value).doubleValue());
        break;
      case BOOLEAN:
        span.setAttribute((AttributeKey<Boolean>) key, (Boolean) value);
        break;
      case STRING_ARRAY:
        List<String> values = Arrays.asList((String[]) value);
        span.setAttribute((AttributeKey<List<String>>) key, values);
        break;
      default:
        span.setAttribute((AttributeKey<String>) key, String.valueOf(value));
    }
  }
}
