package io.tracewire.instrumentation.opentelemetryapi.annotations;

import io.opentelemetry.api.trace.SpanKind;
import io.tracewire.instrumentation.api.matcher.MethodDetails;
import io.tracewire.instrumentation.api.matcher.MethodInfo;
import io.tracewire.instrumentation.opentelemetryapi.ApplicationApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code @WithSpan} method's span looks like, from its class file: name, kind, whether
 * it continues the current context, its {@code @SpanAttribute} parameters, and whether it returns
 * a future its span waits for.
 */
final class WithSpanSettings {

  private final String spanName;
  private final String functionName;
  private final SpanKind kind;
  private final boolean inheritContext;
  private final List<ParameterAttribute> attributes;
  private final boolean async;

  private WithSpanSettings(
      String spanName,
      String functionName,
      SpanKind kind,
      boolean inheritContext,
      List<ParameterAttribute> attributes,
      boolean async) {
    this.spanName = spanName;
    this.functionName = functionName;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.attributes = attributes;
    this.async = async;
  }

  static WithSpanSettings of(String typeName, MethodInfo method) {
    MethodDetails details = method.details();
    boolean legacy = details.annotation(ApplicationApi.WITH_SPAN) == null;
    Map<String, Object> withSpan =
        details.annotation(legacy ? ApplicationApi.LEGACY_WITH_SPAN : ApplicationApi.WITH_SPAN);
    if (withSpan == null) {
      withSpan = Map.of();
    }
    String value = stringValue(withSpan.get("value"));
    String spanName =
        value.isEmpty() ? typeName.substring(typeName.lastIndexOf('.') + 1) + "." + method.name() : value;
    String attributeAnnotation = legacy ? ApplicationApi.LEGACY_SPAN_ATTRIBUTE : ApplicationApi.SPAN_ATTRIBUTE;
    List<String> types = method.parameterTypeNames();
    List<ParameterAttribute> attributes = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      Map<String, Object> spanAttribute = details.parameterAnnotation(i, attributeAnnotation);
      if (spanAttribute == null) {
        continue;
      }
      String name = stringValue(spanAttribute.get("value"));
      if (name.isEmpty()) {
        // Only a class compiled with -parameters knows its parameters' names.
        name = details.parameterName(i);
      }
      if (name != null && !name.isEmpty()) {
        attributes.add(ParameterAttribute.of(i, name, types.get(i)));
      }
    }
    String returned = method.returnTypeName();
    return new WithSpanSettings(
        spanName,
        typeName + "." + method.name(),
        kindOf(withSpan.get("kind")),
        !Boolean.FALSE.equals(withSpan.get("inheritContext")),
        List.copyOf(attributes),
        returned.equals("java.util.concurrent.CompletableFuture")
            || returned.equals("java.util.concurrent.CompletionStage"));
  }

  private static String stringValue(Object value) {
    return value instanceof String ? ((String) value).trim() : "";
  }

  private static SpanKind kindOf(Object name) {
    if (name instanceof String) {
      for (SpanKind kind : SpanKind.values()) {
        if (kind.name().equals(name)) {
          return kind;
        }
      }
    }
    return SpanKind.INTERNAL;
  }

  String spanName() {
    return spanName;
  }

  /** The fully qualified method, for {@code code.function.name}. */
  String functionName() {
    return functionName;
  }

  SpanKind kind() {
    return kind;
  }

  /** {@code false} when the annotation asks for a new trace ({@code inheritContext = false}). */
  boolean inheritContext() {
    return inheritContext;
  }

  List<ParameterAttribute> attributes() {
    return attributes;
  }

  /** The method returns a {@code CompletableFuture}/{@code CompletionStage}: the span ends with it. */
  boolean async() {
    return async;
  }
}
