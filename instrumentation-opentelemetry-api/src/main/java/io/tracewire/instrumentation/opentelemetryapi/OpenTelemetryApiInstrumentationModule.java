package io.tracewire.instrumentation.opentelemetryapi;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isStatic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.namedOneOf;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.returns;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.List;
import java.util.Set;

/**
 * The application's own OpenTelemetry API ({@code io.opentelemetry:opentelemetry-api} 1.x) on top
 * of the agent's SDK, with one context for both:
 *
 * <ul>
 *   <li>{@code ContextStorage.get()} returns a storage that keeps the application's contexts in the
 *       agent's, so {@code Span.current()} is the agent's current span and {@code makeCurrent()}
 *       makes a span current for the agent too;
 *   <li>{@code GlobalOpenTelemetry.get()} (and {@code getOrNoop()}), when the application
 *       registered no SDK of its own, returns an {@code OpenTelemetry} whose tracers make agent
 *       spans. An application that registered its own keeps it.
 * </ul>
 *
 * The bridge implements the application's API interfaces, so it is linked (package {@code linked}).
 */
public final class OpenTelemetryApiInstrumentationModule implements InstrumentationModule {

  private static final String LINKED = "io.tracewire.instrumentation.opentelemetryapi.linked.";

  /** The module's context, for the linked classes (one copy per application class loader). */
  private static volatile InstrumentationContext context;

  @Override
  public String name() {
    return "opentelemetry-api";
  }

  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    // Tracers are often taken in static initializers that run in the first moments of main.
    return Set.of(ApplicationApi.GLOBAL_OPEN_TELEMETRY, ApplicationApi.CONTEXT_STORAGE);
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(ApplicationApi.MARKER);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext moduleContext) {
    context = moduleContext;
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(ApplicationApi.CONTEXT_STORAGE))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(
                        named("get").and(isStatic()).and(takesArguments(0)),
                        LINKED + "ContextStorageInterceptor")
                    .withoutArguments()
                    .replacingReturnValue())
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named(ApplicationApi.GLOBAL_OPEN_TELEMETRY))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(
                        namedOneOf("get", "getOrNoop")
                            .and(isStatic())
                            .and(takesArguments(0))
                            .and(returns(ApplicationApi.OPEN_TELEMETRY)),
                        LINKED + "GlobalOpenTelemetryInterceptor")
                    .withoutArguments()
                    .replacingReturnValue())
            .build());
  }

  /** The context the agent gave this module; {@code null} before it was set up. */
  public static InstrumentationContext context() {
    return context;
  }
}
