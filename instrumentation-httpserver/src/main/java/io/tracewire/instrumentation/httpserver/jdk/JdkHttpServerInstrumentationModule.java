package io.tracewire.instrumentation.httpserver.jdk;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.http.HttpServerTelemetry;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.List;
import java.util.Set;

/**
 * The JDK's {@code com.sun.net.httpserver.HttpServer} (module {@code jdk.httpserver}): one SERVER
 * span per request, around the user's filters and the handler.
 *
 * <p>The server ({@code sun.net.httpserver.ServerImpl}) hands each request to {@code
 * Filter.Chain.doFilter}, a public class of the API package that has kept its shape since Java 6:
 * that call is the one place where the request, the filters and the handler meet, on Java 17 and
 * 25 alike, and only the public {@code HttpExchange} API is used on what it passes.
 */
public final class JdkHttpServerInstrumentationModule implements InstrumentationModule {

  private static final String CHAIN = "com.sun.net.httpserver.Filter$Chain";

  @Override
  public String name() {
    return "java-http-server";
  }

  /**
   * Held back while the agent installs: a program that serves or calls right away at start-up
   * would otherwise make its first requests through the class before it is woven.
   */
  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of(CHAIN);
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(CHAIN.replace('.', '/'));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    if (ModuleLayer.boot().findModule("jdk.httpserver").isEmpty()) {
      // A runtime image without the module: nothing to instrument, and HttpExchange is not there.
      return List.of();
    }
    HttpServerTelemetry<com.sun.net.httpserver.HttpExchange, com.sun.net.httpserver.HttpExchange> telemetry =
        HttpServerTelemetry.create(context, new HttpExchangeAttributes());
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(CHAIN))
            .inJdkPackage("com.sun.net.httpserver")
            .intercept(
                MethodInterception.required(
                    isPublic()
                        .and(named("doFilter"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, "com.sun.net.httpserver.HttpExchange")),
                    new FilterChainInterceptor(telemetry),
                    "doFilter(HttpExchange)"))
            .build());
  }
}
