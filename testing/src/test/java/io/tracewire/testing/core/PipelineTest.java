package io.tracewire.testing.core;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.PreloadingAgent;
import io.tracewire.testing.scenarios.ShopScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole pipeline on a real child JVM: premain, background install, the early-class gate,
 * advice, the SDK, and OTLP/HTTP export, through the configured-methods instrumentation.
 */
class PipelineTest {

  private static final String CHECKOUT = ShopScenario.Checkout.class.getName();

  @JdkMatrix
  void configuredMethodsBecomeNestedInternalSpans(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", CHECKOUT + "[placeOrder,reserve,fail]")
            .property("otel.service.name", "shop")
            .property("otel.resource.attributes", "service.version=1.2.3,deployment.environment.name=staging")
            .args("3")
            .expectSpans(7)
            .run()
            .assertSuccess();

    // Calls made in the first milliseconds of main are traced: every order has its spans.
    assertEquals(3, result.spans().named("ShopScenario$Checkout.placeOrder").size(), result.spans().dump());
    assertEquals(3, result.spans().named("ShopScenario$Checkout.reserve").size(), result.spans().dump());
    for (ReceivedSpan order : result.spans().named("ShopScenario$Checkout.placeOrder")) {
      assertThat(order)
          .hasKind("INTERNAL")
          .isRoot()
          .hasAttribute("code.function.name", CHECKOUT + ".placeOrder")
          .hasScopeName("io.tracewire.methods")
          .hasResourceAttribute("service.name", "shop")
          .hasResourceAttribute("service.version", "1.2.3")
          .hasResourceAttribute("deployment.environment.name", "staging")
          .hasResourceAttribute("telemetry.distro.name", "tracewire")
          .hasResourceAttribute("telemetry.sdk.language", "java");
      assertTrue(order.resourceAttributes().get("process.pid") instanceof Long, order.toString());
      assertTrue(order.resourceAttributes().containsKey("host.arch"), order.toString());
      assertEquals(1, result.spans().childrenOf(order).size(), result.spans().dump());
      assertThat(result.spans().childrenOf(order).get(0))
          .hasName("ShopScenario$Checkout.reserve")
          .hasParent(order)
          .isInSameTraceAs(order);
    }
    assertThat(result.spans().single("ShopScenario$Checkout.fail"))
        .hasStatus("ERROR")
        .hasAttribute("error.type", "java.lang.IllegalStateException")
        .hasEvent("exception");
    // Without debug the agent says one thing: that it started.
    long agentLines = result.stderr().lines().filter(l -> l.startsWith("tracewire:")).count();
    assertEquals(1, agentLines, result.stderr());
    assertTrue(result.stderr().contains("tracewire: agent "), result.stderr());
  }

  @JdkMatrix
  void classesLoadedBeforeTheAgentStartedAreRetransformedBeforeHeldClassesLoad(Jdk jdk)
      throws IOException {
    // Another agent, first on the command line, loads Checkout before Tracewire's premain runs, so
    // only a retransformation can instrument it. The main class is a configured (held-back) class
    // too: it may load only once Checkout is instrumented, so every call of main is traced.
    Path preloader = PreloadingAgent.writeJar(Files.createTempDirectory("tracewire-preload"));
    String scenario = ShopScenario.class.getName();
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .agentBefore(preloader, CHECKOUT)
            .property(
                "otel.instrumentation.methods.include",
                CHECKOUT + "[placeOrder,reserve];" + scenario + "[main]")
            .property("otel.javaagent.debug", "true")
            .args("2")
            .expectSpans(5)
            .run()
            .assertSuccess();
    ReceivedSpan main = result.spans().single("ShopScenario.main");
    assertEquals(2, result.spans().named("ShopScenario$Checkout.placeOrder").size(), result.spans().dump());
    for (ReceivedSpan order : result.spans().named("ShopScenario$Checkout.placeOrder")) {
      assertThat(order).hasParent(main);
    }
    assertEquals(2, result.spans().named("ShopScenario$Checkout.reserve").size(), result.spans().dump());
    assertTrue(result.stderr().contains("instrumenting " + CHECKOUT + " (methods)"), result.stderr());
  }

  @JdkMatrix
  void spansPendingAtExitAreFlushed(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", CHECKOUT + "[placeOrder]")
            // Nothing would be exported before exit without the shutdown flush.
            .property("otel.bsp.schedule.delay", "600000")
            .args("5")
            .expectSpans(5)
            .run()
            .assertSuccess();
    assertEquals(5, result.spans().named("ShopScenario$Checkout.placeOrder").size(), result.spans().dump());
  }

  @JdkMatrix
  void sigtermFlushesPendingSpans(Jdk jdk) {
    RunResult result =
        AgentRun.of(io.tracewire.testing.scenarios.TerminatedScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", CHECKOUT + "[placeOrder]")
            .property("otel.bsp.schedule.delay", "600000")
            .expectSpans(3)
            .run();
    // 128 + SIGTERM(15): the JVM ran its shutdown hooks and exited on the signal.
    result.assertExitCode(143);
    assertTrue(result.stdout().contains("sending SIGTERM"), result.stdout());
    assertEquals(3, result.spans().named("ShopScenario$Checkout.placeOrder").size(), result.spans().dump());
  }

  @JdkMatrix
  void agentCanBeSwitchedOff(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.javaagent.enabled", "false")
            .property("otel.instrumentation.methods.include", CHECKOUT + "[placeOrder]")
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("reserved book-0,paid"), result.stdout());
    assertTrue(result.spans().isEmpty(), result.spans().dump());
    assertTrue(result.stderr().contains("agent disabled by otel.javaagent.enabled=false"), result.stderr());
  }
}
