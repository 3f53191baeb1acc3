package io.tracewire.testing.extension;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.List;
import java.util.Set;

/**
 * A remote call between two traced JVMs, for the end-to-end tests that need spans of two services
 * in one trace: the scenario's client method gets a CLIENT span and writes the trace context into
 * the header map it is given; its server method gets a SERVER span whose parent is read back from
 * the headers it received. The scenario carries the map over a plain socket, which no shipped
 * instrumentation traces.
 */
public final class RemoteCallInstrumentationModule implements InstrumentationModule {

  private static final String CLIENT = "io.tracewire.testing.scenarios.TwoServicesScenario$PaymentsClient";
  private static final String SERVER = "io.tracewire.testing.scenarios.TwoServicesScenario$PaymentsServer";

  @Override
  public String name() {
    return "remote-call";
  }

  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of(CLIENT, SERVER);
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of("io/tracewire/testing/scenarios/");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    return List.of(
        TypeInstrumentation.forTypes(TypeMatcher.named(CLIENT))
            .intercept(MethodInterception.required(named("charge"), new ClientCallInterceptor(context), "charge"))
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named(SERVER))
            .intercept(MethodInterception.required(named("handle"), new ServerCallInterceptor(context), "handle"))
            .build());
  }
}
