package io.tracewire.instrumentation.httpclient.okhttp;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import io.tracewire.instrumentation.httpclient.LinkedModuleContexts;
import java.util.List;
import java.util.Set;

/**
 * OkHttp 4 and 5: every client gets the agent's {@code Interceptor} (one span per call, {@code
 * execute} and {@code enqueue}, redirects and retries inside it) when it is constructed, and an
 * enqueued call carries its caller's context to the dispatcher thread and to its callback. The
 * code that uses OkHttp's types is linked ({@code linked} package), once per application loader.
 */
public final class OkHttpInstrumentationModule implements InstrumentationModule {

  public static final String NAME = "okhttp";
  private static final String LINKED = "io.tracewire.instrumentation.httpclient.okhttp.linked.";

  @Override
  public String name() {
    return NAME;
  }

  /** The client, its builder and the call class all name the client class. */
  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of("okhttp3/OkHttpClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    LinkedModuleContexts.register(NAME, context);
    return List.of(
        // Builder.build() and new OkHttpClient() both come through this constructor.
        TypeInstrumentation.forTypes(TypeMatcher.named("okhttp3.OkHttpClient"))
            .notInBootLoader()
            .intercept(
                MethodInterception.linkedConstructors(
                    takesArguments(1).and(takesArgument(0, "okhttp3.OkHttpClient$Builder")),
                    LINKED + "AddTracingInterceptor"))
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named("okhttp3.internal.connection.RealCall"))
            .notInBootLoader()
            .withObjectField()
            .intercept(
                MethodInterception.linked(
                        isPublic().and(named("enqueue")).and(takesArguments(1)),
                        LINKED + "CarryContextToCallback")
                    .replacingArgument(0))
            .build());
  }
}
