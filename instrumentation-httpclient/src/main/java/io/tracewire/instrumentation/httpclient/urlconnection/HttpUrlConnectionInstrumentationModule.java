package io.tracewire.instrumentation.httpclient.urlconnection;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.namedOneOf;
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
 * {@code java.net.HttpURLConnection} over HTTP and HTTPS: the JDK's implementation class, and the
 * HTTPS delegate's own {@code connect} (HTTPS connections hand every other call to a delegate
 * that extends the HTTP implementation).
 */
public final class HttpUrlConnectionInstrumentationModule implements InstrumentationModule {

  private static final String HTTP_IMPL = "sun.net.www.protocol.http.HttpURLConnection";
  private static final String HTTPS_DELEGATE =
      "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection";

  @Override
  public String name() {
    return "http-url-connection";
  }

  /** Both classes name the HTTP implementation: it is the one class, the other's superclass. */
  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(HTTP_IMPL.replace('.', '/'));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    ConnectionCalls calls = new ConnectionCalls(context);
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(HTTP_IMPL))
            .inJdkPackage("sun.net.www.protocol.http")
            .intercept(
                MethodInterception.perMethod(
                        isPublic()
                            .and(namedOneOf("connect", "getOutputStream", "getInputStream"))
                            .and(takesArguments(0)),
                        method -> ConnectionInterceptor.forMethod(calls, method.method().name()))
                    .withoutArguments())
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named(HTTPS_DELEGATE))
            .inJdkPackage("sun.net.www.protocol.https")
            .intercept(
                MethodInterception.optional(
                        isPublic().and(named("connect")).and(takesArguments(0)),
                        ConnectionInterceptor.forMethod(calls, "connect"))
                    .withoutArguments())
            .build());
  }
}
