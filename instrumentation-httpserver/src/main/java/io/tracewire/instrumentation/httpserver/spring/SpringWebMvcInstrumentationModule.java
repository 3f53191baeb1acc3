package io.tracewire.instrumentation.httpserver.spring;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
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
 * Spring MVC 6 (Spring Boot 3): when {@code DispatcherServlet.getHandler} has found the handler,
 * the pattern it matched ({@code /orders/{id}}) becomes the server span's {@code http.route} and
 * its name {@code GET /orders/{id}}. Spring leaves the pattern in a request attribute under a
 * documented name, so no Spring type is needed; the request is a servlet type, hence linked.
 */
public final class SpringWebMvcInstrumentationModule implements InstrumentationModule {

  private static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";

  @Override
  public String name() {
    return "spring-webmvc";
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(DISPATCHER.replace('.', '/'));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(DISPATCHER))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(
                    named("getHandler")
                        .and(takesArguments(1))
                        .and(takesArgument(0, "jakarta.servlet.http.HttpServletRequest")),
                    "io.tracewire.instrumentation.httpserver.spring.linked.HandlerMatchInterceptor"))
            .build());
  }
}
