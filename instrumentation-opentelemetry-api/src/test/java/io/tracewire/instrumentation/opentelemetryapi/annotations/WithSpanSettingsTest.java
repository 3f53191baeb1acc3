package io.tracewire.instrumentation.opentelemetryapi.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.tracewire.instrumentation.api.matcher.MethodDetails;
import io.tracewire.instrumentation.api.matcher.MethodInfo;
import io.tracewire.instrumentation.opentelemetryapi.ApplicationApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WithSpanSettingsTest {

  private static final String TYPE = "com.acme.Orders$Inner";

  private static MethodInfo method(
      String name, String descriptor, String annotation, Map<String, Object> values,
      List<Map<String, Map<String, Object>>> parameters, List<String> names) {
    MethodDetails details = new MethodDetails(Map.of(annotation, values), parameters, names);
    return new MethodInfo(name, descriptor, 1, Set.of(annotation), () -> details);
  }

  @Test
  void defaultsAreAnInternalSpanNamedAfterClassAndMethod() {
    WithSpanSettings settings =
        WithSpanSettings.of(TYPE, method("place", "()V", ApplicationApi.WITH_SPAN, Map.of(), List.of(), List.of()));
    assertEquals("Orders$Inner.place", settings.spanName());
    assertEquals("com.acme.Orders$Inner.place", settings.functionName());
    assertEquals(SpanKind.INTERNAL, settings.kind());
    assertTrue(settings.inheritContext());
    assertFalse(settings.async());
    assertTrue(settings.attributes().isEmpty());
  }

  @Test
  void valueKindAndInheritContextComeFromTheAnnotation() {
    WithSpanSettings settings =
        WithSpanSettings.of(
            TYPE,
            method(
                "send",
                "()Ljava/util/concurrent/CompletableFuture;",
                ApplicationApi.WITH_SPAN,
                Map.of("value", "publish order", "kind", "PRODUCER", "inheritContext", false),
                List.of(),
                List.of()));
    assertEquals("publish order", settings.spanName());
    assertEquals(SpanKind.PRODUCER, settings.kind());
    assertFalse(settings.inheritContext());
    assertTrue(settings.async());
  }

  @Test
  void spanAttributesAreNamedByTheAnnotationElseByTheParameterName() {
    List<Map<String, Map<String, Object>>> parameters = new ArrayList<>();
    parameters.add(Map.of(ApplicationApi.LEGACY_SPAN_ATTRIBUTE, Map.of("value", "order.id")));
    parameters.add(Map.of(ApplicationApi.LEGACY_SPAN_ATTRIBUTE, Map.of()));
    parameters.add(Map.of());
    parameters.add(Map.of(ApplicationApi.LEGACY_SPAN_ATTRIBUTE, Map.of()));
    List<String> names = new ArrayList<>(List.of("id", "amount", "note"));
    names.add(null);
    WithSpanSettings settings =
        WithSpanSettings.of(
            TYPE,
            method(
                "pay",
                "(JDLjava/lang/String;[Ljava/lang/String;)Ljava/util/concurrent/CompletionStage;",
                ApplicationApi.LEGACY_WITH_SPAN,
                Map.of(),
                parameters,
                names));
    // The fourth has no name in the class file (no -parameters): left out.
    assertEquals(
        List.of(AttributeKey.longKey("order.id"), AttributeKey.doubleKey("amount")),
        settings.attributes().stream().map(ParameterAttribute::key).collect(Collectors.toList()));
    assertTrue(settings.async());
  }
}
