package io.tracewire.instrumentation.httpclient.apache;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.declaresMethod;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isSubtypeOf;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import io.tracewire.instrumentation.httpclient.LinkedModuleContexts;
import java.util.List;
import java.util.Set;

/**
 * Apache HttpClient 5, classic and async: one span per {@code doExecute}, where every {@code
 * execute} overload lands and above the exec chain that retries and follows redirects. The code
 * that uses the library's types is linked ({@code linked} package), once per application loader.
 */
public final class ApacheHttpClientInstrumentationModule implements InstrumentationModule {

  public static final String NAME = "apache-httpclient";
  private static final String LINKED = "io.tracewire.instrumentation.httpclient.apache.linked.";
  private static final String CLASSIC = "org/apache/hc/client5/http/impl/classic/";
  private static final String ASYNC = "org/apache/hc/client5/http/impl/async/";

  @Override
  public String name() {
    return NAME;
  }

  /** A client class is in these packages, or names its superclass from them. */
  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(CLASSIC, ASYNC);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    LinkedModuleContexts.register(NAME, context);
    MethodMatcher classicExecute = named("doExecute").and(takesArguments(3));
    MethodMatcher asyncExecute = named("doExecute").and(takesArguments(6));
    return List.of(
        TypeInstrumentation.forTypes(
                declaresMethod(classicExecute)
                    .and(isSubtypeOf(CLASSIC.replace('/', '.') + "CloseableHttpClient")))
            .notInBootLoader()
            .intercept(MethodInterception.linked(classicExecute, LINKED + "ClassicExecuteInterceptor"))
            .build(),
        TypeInstrumentation.forTypes(
                declaresMethod(asyncExecute)
                    .and(isSubtypeOf(ASYNC.replace('/', '.') + "CloseableHttpAsyncClient")))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(asyncExecute, LINKED + "AsyncExecuteInterceptor")
                    .replacingArgument(1)
                    .replacingArgument(2)
                    .replacingArgument(5))
            .build());
  }
}
