package io.tracewire.testing.core;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedRequest;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.ShopScenario;

/** Configuration as a user writes it: system properties, environment variables, mistakes. */
class ConfigurationTest {

  private static final String METHODS = ShopScenario.Checkout.class.getName() + "[placeOrder]";
  private static final String PLACE_ORDER = "ShopScenario$Checkout.placeOrder";

  @JdkMatrix
  void malformedValuesAreReportedOnceAndDefaultsUsed(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", METHODS)
            .property("otel.bsp.max.queue.size", "lots")
            .property("otel.traces.exporter", "bogus")
            .property("otel.traces.sampler", "traceidratio")
            .property("otel.traces.sampler.arg", "2.5")
            .property("otel.exporter.otlp.timeout", "soon")
            .property("otel.javaagent.debug", "maybe")
            .expectSpans(1)
            .run()
            .assertSuccess();
    String err = result.stderr();
    assertWarnedOnce(err, "invalid value 'lots' for otel.bsp.max.queue.size (expected a whole number); using 2048");
    assertWarnedOnce(
        err,
        "invalid value 'bogus' in otel.traces.exporter (expected one of otlp, zipkin, console, logging-otlp, none); using otlp");
    assertWarnedOnce(
        err, "invalid value '2.5' for otel.traces.sampler.arg (expected a ratio between 0.0 and 1.0); using 1.0");
    assertWarnedOnce(
        err,
        "invalid value 'soon' for otel.exporter.otlp.timeout (expected a positive duration such as 500, 500ms or 10s); using 10000 ms");
    assertWarnedOnce(err, "invalid value 'maybe' for otel.javaagent.debug (expected true or false); using false");
    // The application ran, and spans still left with the defaults.
    assertTrue(result.stdout().contains("reserved book-0,paid"), result.stdout());
    assertEquals(1, result.spans().named(PLACE_ORDER).size(), result.spans().dump());
  }

  private static void assertWarnedOnce(String stderr, String warning) {
    long count = stderr.lines().filter(line -> line.equals("tracewire: WARNING " + warning)).count();
    assertEquals(1, count, "expected once: " + warning + "\nstderr:\n" + stderr);
  }

  @JdkMatrix
  void systemPropertiesWinOverEnvironmentVariables(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .env("OTEL_INSTRUMENTATION_METHODS_INCLUDE", METHODS)
            .env("OTEL_RESOURCE_ATTRIBUTES", "service.version=from-env,service.namespace=shop-env")
            .property("otel.resource.attributes", "service.version=from-property")
            .expectSpans(1)
            .run()
            .assertSuccess();
    assertThat(result.spans().single(PLACE_ORDER))
        .hasResourceAttribute("service.version", "from-property")
        .satisfies(
            "has no service.namespace from the environment",
            span -> !span.resourceAttributes().containsKey("service.namespace"));
  }

  @JdkMatrix
  void environmentVariablesApplyWhenNoPropertyIsSet(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .env("OTEL_INSTRUMENTATION_METHODS_INCLUDE", METHODS)
            .env("OTEL_RESOURCE_ATTRIBUTES", "service.namespace=shop-env")
            .env("OTEL_BSP_SCHEDULE_DELAY", "50")
            .expectSpans(1)
            .run()
            .assertSuccess();
    assertThat(result.spans().single(PLACE_ORDER)).hasResourceAttribute("service.namespace", "shop-env");
  }

  @JdkMatrix
  void otlpHeadersAndCompressionReachTheCollector(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", METHODS)
            .property("otel.exporter.otlp.headers", "x-api-key=secret123,x-team=core%20team")
            .property("otel.exporter.otlp.compression", "gzip")
            .expectSpans(1)
            .run()
            .assertSuccess();
    ReceivedRequest request = result.receiver().requests().get(0);
    assertEquals("secret123", request.header("x-api-key"));
    assertEquals("core team", request.header("x-team"));
    assertTrue(request.gzip(), "expected a gzip body");
  }

  @JdkMatrix
  void samplerCanDropEverything(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", METHODS)
            .property("otel.traces.sampler", "always_off")
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("reserved book-0,paid"), result.stdout());
    assertTrue(result.spans().isEmpty(), result.spans().dump());
  }

  @JdkMatrix
  void instrumentationCanBeSwitchedOffByName(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", METHODS)
            .property("otel.instrumentation.methods.enabled", "false")
            .run()
            .assertSuccess();
    assertTrue(result.spans().isEmpty(), result.spans().dump());
    assertFalse(result.stderr().contains("instrumentations=methods"), result.stderr());
  }

  @JdkMatrix
  void debugLogsEveryTransformation(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", METHODS)
            .property("otel.javaagent.debug", "true")
            .expectSpans(1)
            .run()
            .assertSuccess();
    assertTrue(
        result.stderr().contains("tracewire: [debug] instrumenting " + ShopScenario.Checkout.class.getName() + " (methods)"),
        result.stderr());
  }
}
