package io.tracewire.testing.opentelemetryapi;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.OpenTelemetryApiScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The application's own OpenTelemetry API (no SDK of its own) on the agent's SDK, with API 1.0.0,
 * 1.25.0 and the newest 1.x: manual spans over and under agent spans in one trace, {@code
 * Span.current()} inside an agent span, baggage, {@code @WithSpan} and the propagators.
 */
class OpenTelemetryApiTest {

  private static final String SCENARIO = OpenTelemetryApiScenario.class.getSimpleName();

  @JdkMatrix
  void firstApiWithItsAnnotations(Jdk jdk) {
    assertOneTrace(run(jdk, "1.0.0", "legacy"), "1.0.0", "LegacyAnnotations");
  }

  @JdkMatrix
  void apiFromTheMiddleOfTheRange(Jdk jdk) {
    assertOneTrace(run(jdk, "1.25.0", "current"), "1.25.0", "CurrentAnnotations");
  }

  @JdkMatrix
  void newestApi(Jdk jdk) {
    RunResult result = run(jdk, "1.68.0", "current");
    assertOneTrace(result, "1.68.0", "CurrentAnnotations");
    assertTrue(result.stdout().contains("tracer-enabled=true"), result.stdout());
  }

  /** With nothing exported the application's tracer says so, and an application that asks skips. */
  @JdkMatrix
  void aTracerIsDisabledWhenNothingIsExported(Jdk jdk) {
    RunResult off =
        scenario(jdk, "1.68.0", "current").property("otel.traces.exporter", "none").run().assertSuccess();
    assertTrue(off.stdout().contains("tracer-enabled=false"), off.stdout());
    assertTrue(off.spans().isEmpty(), off.spans().dump());
  }

  @JdkMatrix
  void eachPartHasItsSwitch(Jdk jdk) {
    // The API left alone: its calls are no-ops again and see no agent span; @WithSpan still works.
    RunResult apiOff =
        scenario(jdk, "1.68.0", "current")
            .property("otel.instrumentation.opentelemetry-api.enabled", "false")
            .expectSpans(9)
            .run()
            .assertSuccess();
    Spans spans = apiOff.spans();
    assertTrue(spans.named("checkout").isEmpty(), spans.dump());
    assertTrue(spans.named("price-lookup").isEmpty(), spans.dump());
    assertThat(query(spans, "in_lookup")).hasParent(spans.single("OpenTelemetryApiScenario$Orders.place"));
    assertThat(query(spans, "with_baggage")).isRoot().hasNoAttribute("user.id");
    assertThat(spans.single("OpenTelemetryApiScenario$CurrentAnnotations.reserve"))
        .isRoot()
        .hasAttribute("item.sku", "sku-9")
        .hasNoAttribute("reserved.by");
    assertEquals(9, spans.size(), spans.dump());

    RunResult annotationsOff =
        scenario(jdk, "1.68.0", "current")
            .property("otel.instrumentation.opentelemetry-instrumentation-annotations.enabled", "false")
            .expectSpans(7)
            .run()
            .assertSuccess();
    spans = annotationsOff.spans();
    assertThat(query(spans, "with_baggage")).hasParent(spans.single("checkout"));
    assertTrue(spans.named("ship-order").isEmpty(), spans.dump());
    assertEquals(7, spans.size(), spans.dump());
  }

  private static RunResult run(Jdk jdk, String apiVersion, String annotations) {
    return scenario(jdk, apiVersion, annotations).expectSpans(12).run().assertSuccess();
  }

  private static AgentRun scenario(Jdk jdk, String apiVersion, String annotations) {
    return AgentRun.of(OpenTelemetryApiScenario.class)
        .on(jdk)
        .classpath(apiClasspath(apiVersion))
        .property(
            "otel.instrumentation.methods.include",
            OpenTelemetryApiScenario.Orders.class.getName() + "[place]")
        .property("otel.instrumentation.baggage.attributes", "user.id")
        .args(annotations);
  }

  private static void assertOneTrace(RunResult result, String apiVersion, String annotated) {
    String out = result.stdout();
    Spans spans = result.spans();
    assertTrue(out.contains("opentelemetry-api-" + apiVersion + ".jar"), out);
    assertTrue(out.contains("current-is-checkout=true"), out);
    assertTrue(out.contains("baggage-seen=u-1"), out);
    assertTrue(out.contains("reserved=sku-9x3"), out);
    assertTrue(out.contains("after-checkout-current-valid=false"), out);

    // A manual span over agent spans: exported by the agent, with the agent's resource.
    ReceivedSpan checkout = spans.single("checkout");
    assertThat(checkout)
        .isRoot()
        .hasKind("INTERNAL")
        .hasScopeName("shop")
        .hasAttribute("order.id", 42L)
        .hasResourceAttribute("service.name", SCENARIO)
        .hasResourceAttribute("telemetry.distro.name", "tracewire");
    assertThat(query(spans, "over_checkout")).hasKind("CLIENT").hasParent(checkout);

    // Span.current() inside the agent's span is the agent's span; a manual span nests under it,
    // and the agent's JDBC span under the manual one.
    ReceivedSpan place = spans.single("OpenTelemetryApiScenario$Orders.place");
    assertThat(place).hasParent(checkout).hasAttribute("order.customer", "c-7");
    ReceivedSpan lookup = spans.single("price-lookup");
    assertThat(lookup).hasParent(place).hasAttribute("lookup.items", 2L);
    assertThat(query(spans, "in_lookup")).hasParent(lookup);

    // The application's baggage is the agent's: copied onto the agent's and the annotated spans.
    assertThat(query(spans, "with_baggage")).hasParent(checkout).hasAttribute("user.id", "u-1");
    ReceivedSpan reserve = spans.single("OpenTelemetryApiScenario$" + annotated + ".reserve");
    assertThat(reserve)
        .hasParent(checkout)
        .hasKind("INTERNAL")
        .hasAttribute("item.sku", "sku-9")
        .hasAttribute("item.count", 3L)
        .hasNoAttribute("note")
        .hasAttribute("reserved.by", "inventory")
        .hasAttribute("user.id", "u-1")
        .hasAttribute(
            "code.function.name",
            OpenTelemetryApiScenario.class.getName() + "$" + annotated + ".reserve");
    assertThat(spans.single("ship-order")).hasParent(checkout).hasKind("PRODUCER");
    assertThat(spans.single("OpenTelemetryApiScenario$" + annotated + ".fail"))
        .hasParent(checkout)
        .hasStatus("ERROR")
        .hasAttribute("error.type", "java.lang.IllegalStateException")
        .hasEvent("exception");

    // A method returning a future: its span lasts until the future completes.
    ReceivedSpan later = spans.single("OpenTelemetryApiScenario$" + annotated + ".later");
    assertThat(later).hasParent(checkout).satisfies("lasts the future's 200 ms", span ->
        span.endEpochNanos() - span.startEpochNanos() >= 150_000_000L);
    assertThat(spans.single("OpenTelemetryApiScenario$" + annotated + ".laterFailing"))
        .hasParent(checkout)
        .hasStatus("ERROR")
        .hasAttribute("error.type", "java.lang.IllegalArgumentException");

    // The agent's propagators, seen through the application's API.
    assertTrue(out.contains("traceparent=00-" + checkout.traceId() + "-" + checkout.spanId() + "-"), out);
    // Context.root() starts a new trace.
    assertThat(spans.single("detached")).isRoot().isNotInSameTraceAs(checkout);
    assertEquals(12, spans.size(), spans.dump());
  }

  private static ReceivedSpan query(Spans spans, String alias) {
    return spans.only(span -> String.valueOf(span.attribute("db.query.text")).contains(alias), alias);
  }

  /** The API jars of one version (copied by the build), and H2. */
  private static List<String> apiClasspath(String version) {
    Path dir =
        Path.of(System.getProperty("tracewire.opentelemetry-api.dir", "target/opentelemetry-api"), version);
    List<String> entries = new ArrayList<>();
    try (Stream<Path> jars = Files.list(dir)) {
      jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> entries.add(jar.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("no API jars in " + dir + ": run the tests with Maven", e);
    }
    entries.add(AgentRun.classpathEntry("h2-").toString());
    return entries;
  }
}
