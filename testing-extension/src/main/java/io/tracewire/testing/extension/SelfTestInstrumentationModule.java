package io.tracewire.testing.extension;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
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
 * Instrumentations of the end-to-end scenarios' own classes that exercise the agent's failure
 * handling: advice that throws, and a class from a "library version" lacking an expected method.
 */
public final class SelfTestInstrumentationModule implements InstrumentationModule {

  private static final String SCENARIOS = "io.tracewire.testing.scenarios.";

  @Override
  public String name() {
    return "selftest";
  }

  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of(
        SCENARIOS + "FailingAdviceScenario$Calculator",
        SCENARIOS + "LibraryVersionScenario$ModernGreeter",
        SCENARIOS + "LibraryVersionScenario$LegacyGreeter");
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of("io/tracewire/testing/scenarios/");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    SpanInterceptor greetSpan = new SpanInterceptor(context.tracer(), "selftest greet");
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(SCENARIOS + "FailingAdviceScenario$Calculator"))
            .intercept(MethodInterception.optional(named("add"), new ThrowingInterceptor()))
            .build(),
        TypeInstrumentation.forTypes(
                TypeMatcher.namedOneOf(
                    SCENARIOS + "LibraryVersionScenario$ModernGreeter",
                    SCENARIOS + "LibraryVersionScenario$LegacyGreeter"))
            .intercept(
                MethodInterception.required(
                    named("greet").and(takesArguments(String.class)), greetSpan, "greet(String)"))
            .intercept(MethodInterception.optional(named("wave"), greetSpan))
            .build());
  }
}
