package io.tracewire.instrumentation.httpserver.servlet;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.declaresMethod;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isInterface;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isSubtypeOf;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.not;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import java.util.List;
import java.util.Set;

/**
 * Jakarta Servlet 5 and 6 containers (Tomcat 10 and 11, Jetty 12, ...): one SERVER span per
 * request, made where the container first hands it to the application, i.e. the outermost
 * {@code Filter.doFilter} or {@code Servlet.service}. Filters, forwards, includes and nested
 * servlets run inside that span and make none of their own; an asynchronous request's span ends
 * when its response completes. The interceptor links against the container's servlet classes, so
 * it lives in the {@code linked} package.
 */
public final class ServletInstrumentationModule implements InstrumentationModule {

  private static final String REQUEST = "jakarta.servlet.ServletRequest";
  private static final String RESPONSE = "jakarta.servlet.ServletResponse";

  /**
   * {@code service(ServletRequest, ServletResponse)} and {@code doFilter(..., FilterChain)}. Made
   * when needed, never while the module loads in {@code premain}.
   */
  private static MethodMatcher entryPoints() {
    MethodMatcher service =
        isPublic()
            .and(named("service"))
            .and(takesArguments(2))
            .and(takesArgument(0, REQUEST))
            .and(takesArgument(1, RESPONSE));
    MethodMatcher doFilter =
        isPublic()
            .and(named("doFilter"))
            .and(takesArguments(3))
            .and(takesArgument(0, REQUEST))
            .and(takesArgument(1, RESPONSE))
            .and(takesArgument(2, "jakarta.servlet.FilterChain"));
    return service.or(doFilter);
  }

  /** The module's context, for the linked interceptors (one per application class loader). */
  private static volatile InstrumentationContext context;

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    // Both methods name the request type in their descriptors.
    return Set.of("jakarta/servlet/ServletRequest");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext moduleContext) {
    context = moduleContext;
    MethodMatcher entry = entryPoints();
    return List.of(
        TypeInstrumentation.forTypes(
                declaresMethod(entry)
                    .and(not(isInterface()))
                    .and(isSubtypeOf("jakarta.servlet.Servlet").or(isSubtypeOf("jakarta.servlet.Filter"))))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(
                    entry, "io.tracewire.instrumentation.httpserver.servlet.linked.ServletEntryInterceptor"))
            .build());
  }

  /** The context the agent gave this module; {@code null} before it was set up. */
  public static InstrumentationContext context() {
    return context;
  }
}
