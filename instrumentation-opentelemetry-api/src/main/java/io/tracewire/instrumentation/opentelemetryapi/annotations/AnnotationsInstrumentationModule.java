package io.tracewire.instrumentation.opentelemetryapi.annotations;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.annotatedWith;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.declaresMethod;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import io.tracewire.instrumentation.opentelemetryapi.ApplicationApi;
import java.util.List;
import java.util.Set;

/**
 * A span around every method annotated {@code @WithSpan}
 * ({@code io.opentelemetry.instrumentation.annotations}, and the older {@code
 * io.opentelemetry.extension.annotations}), with {@code @SpanAttribute} parameters as attributes.
 * Everything is read from class files: the annotations' classes are never loaded, and a class
 * that names no {@code io.opentelemetry} type is not even parsed.
 */
public final class AnnotationsInstrumentationModule implements InstrumentationModule {

  private static final MethodMatcher ANNOTATED =
      annotatedWith(ApplicationApi.WITH_SPAN).or(annotatedWith(ApplicationApi.LEGACY_WITH_SPAN));

  @Override
  public String name() {
    return "opentelemetry-instrumentation-annotations";
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(ApplicationApi.MARKER);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    return List.of(
        TypeInstrumentation.forTypes(declaresMethod(ANNOTATED))
            .notInBootLoader()
            .intercept(
                MethodInterception.perMethod(
                    ANNOTATED,
                    method ->
                        new WithSpanInterceptor(
                            context.tracer(), WithSpanSettings.of(method.typeName(), method.method()))))
            .build());
  }
}
