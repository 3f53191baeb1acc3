package io.tracewire.testing.extension;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isConstructor;
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
 * handling (advice that throws, a class from a "library version" lacking an expected method) and
 * the interception contract: linked interceptors on a stand-in library, constructors, replaced
 * arguments, and JDK classes of named modules.
 */
public final class SelfTestInstrumentationModule implements InstrumentationModule {

  private static final String SCENARIOS = "io.tracewire.testing.scenarios.";
  private static final String LIBRARY = "io.tracewire.testing.library.";
  private static final String LINKED = "io.tracewire.testing.extension.linked.";

  @Override
  public String name() {
    return "selftest";
  }

  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of(
        SCENARIOS + "FailingAdviceScenario$Calculator",
        SCENARIOS + "LibraryVersionScenario$ModernGreeter",
        SCENARIOS + "LibraryVersionScenario$LegacyGreeter",
        LIBRARY + "Pipeline",
        SCENARIOS + "Labels");
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(
        "io/tracewire/testing/scenarios/",
        "io/tracewire/testing/library/Pipeline",
        "java/util/zip/Adler32",
        "java/net/http/HttpRequest");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    SpanInterceptor greetSpan = new SpanInterceptor(context.tracer(), "selftest greet");
    SelfTestSupport.init(context);
    return List.of(
        // Labelled spans: scenarios name their units of work and the tests check who is whose parent.
        TypeInstrumentation.forTypes(TypeMatcher.named(SCENARIOS + "Labels"))
            .intercept(
                MethodInterception.optional(
                    named("request"), new LabelledSpanInterceptor(context.tracer(), "request")))
            .intercept(
                MethodInterception.optional(
                    named("step"), new LabelledSpanInterceptor(context.tracer(), "step")))
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named(LIBRARY + "Pipeline"))
            .intercept(
                MethodInterception.linkedConstructors(
                    isConstructor().and(takesArguments(0)), LINKED + "PipelineConstructorInterceptor"))
            .intercept(
                MethodInterception.linked(named("send"), LINKED + "SendInterceptor").replacingArgument(0))
            .build(),
        // java.base, and a class another agent may have loaded before this one.
        TypeInstrumentation.forTypes(TypeMatcher.named("java.util.zip.Adler32"))
            .inJdkPackage("java.util.zip")
            .intercept(
                MethodInterception.optional(
                    named("getValue"), new SpanInterceptor(context.tracer(), "selftest adler32")))
            .build(),
        // A platform-loader module.
        TypeInstrumentation.forTypes(TypeMatcher.named("java.net.http.HttpRequest"))
            .inJdkPackage("java.net.http")
            .intercept(
                MethodInterception.optional(
                    named("newBuilder").and(takesArguments(1)),
                    new SpanInterceptor(context.tracer(), "selftest http request builder")))
            .build(),
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
