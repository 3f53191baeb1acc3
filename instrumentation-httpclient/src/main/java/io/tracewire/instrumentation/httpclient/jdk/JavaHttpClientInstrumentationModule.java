package io.tracewire.instrumentation.httpclient.jdk;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.http.HttpClientTelemetry;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.List;
import java.util.Set;

/**
 * The JDK's {@code java.net.http.HttpClient}: a client span per {@code send} and {@code
 * sendAsync}, with the trace headers added to a copy of the (immutable) request. The public
 * {@code HttpClient} handed to applications is a facade over {@code HttpClientImpl}, where both
 * calls land; redirects and retries the client makes by itself stay inside the one span.
 */
public final class JavaHttpClientInstrumentationModule implements InstrumentationModule {

  private static final String CLIENT_IMPL = "jdk.internal.net.http.HttpClientImpl";

  @Override
  public String name() {
    return "java-http-client";
  }

  /**
   * Held back while the agent installs: a program that serves or calls right away at start-up
   * would otherwise make its first requests through the class before it is woven.
   */
  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of(CLIENT_IMPL);
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(CLIENT_IMPL.replace('.', '/'));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    JdkClientCalls calls =
        new JdkClientCalls(HttpClientTelemetry.create(context, new JdkHttpClientGetter()));
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(CLIENT_IMPL))
            .inJdkPackage("jdk.internal.net.http")
            .intercept(
                MethodInterception.optional(
                        isPublic().and(named("send")).and(takesArguments(2)),
                        new SendInterceptor(calls))
                    .replacingArgument(0)
                    .replacingArgument(1))
            .intercept(
                MethodInterception.optional(
                        isPublic().and(named("sendAsync")), new SendAsyncInterceptor(calls))
                    .replacingArgument(0)
                    .replacingArgument(1)
                    .replacingReturnValue())
            .build());
  }
}
