package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.FailingAdviceScenario;
import io.tracewire.testing.scenarios.IsolatingLoaderScenario;
import io.tracewire.testing.scenarios.LibraryVersionScenario;
import io.tracewire.testing.scenarios.ShopScenario;

/** An instrumentation's failure never reaches the application. */
class FailureIsolationTest {

  @JdkMatrix
  void adviceThatThrowsIsSwallowed(Jdk jdk) {
    RunResult result =
        AgentRun.of(FailingAdviceScenario.class)
            .on(jdk)
            .withTestExtension()
            .property("otel.javaagent.debug", "true")
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("result=5"), result.stdout());
    assertTrue(
        result.stderr().contains("instrumenting " + FailingAdviceScenario.Calculator.class.getName() + " (selftest)"),
        result.stderr());
    assertTrue(
        result.stderr().contains("suppressed an error in advice selftest/ThrowingInterceptor")
            && result.stderr().contains("enter advice failed on purpose")
            && result.stderr().contains("exit advice failed on purpose"),
        result.stderr());
  }

  @JdkMatrix
  void classWithoutAnExpectedMethodIsLeftUntouched(Jdk jdk) {
    RunResult result =
        AgentRun.of(LibraryVersionScenario.class)
            .on(jdk)
            .withTestExtension()
            .property("otel.javaagent.debug", "true")
            .expectSpans(2)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("hello ada / wave"), result.stdout());
    assertTrue(result.stdout().contains("hello / legacy wave"), result.stdout());
    String legacy = LibraryVersionScenario.LegacyGreeter.class.getName();
    assertTrue(
        result.stderr().contains("instrumentation selftest left " + legacy + " untouched: it has no greet(String)"),
        result.stderr());
    assertFalse(result.stderr().contains("instrumenting " + legacy), result.stderr());
    // Only the modern greeter's two calls (greet and wave) are traced.
    assertEquals(2, result.spans().named("selftest greet").size(), result.spans().dump());
  }

  @JdkMatrix
  void classesOfALoaderThatCannotSeeTheBridgeAreLeftAlone(Jdk jdk) {
    RunResult result =
        AgentRun.of(IsolatingLoaderScenario.class)
            .on(jdk)
            .property(
                "otel.instrumentation.methods.include",
                ShopScenario.Checkout.class.getName() + "[placeOrder]")
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("reserved book,paid"), result.stdout() + result.stderr());
    assertTrue(
        result.stderr().contains(
            "tracewire: WARNING classes of " + IsolatingLoaderScenario.class.getName()
                + "$ModuleLoader are not instrumented: it does not delegate package"
                + " io.tracewire.bootstrap to the boot class loader"),
        result.stderr());
    assertEquals(0, result.spans().size(), result.spans().dump());
  }
}
