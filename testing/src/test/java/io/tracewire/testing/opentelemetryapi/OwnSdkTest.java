package io.tracewire.testing.opentelemetryapi;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.OwnSdkWithAgentScenario;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application that registers its own SDK keeps its own pipeline; the context is one, so the
 * agent's spans under the application's spans continue its trace.
 */
class OwnSdkTest {

  @JdkMatrix
  void ownSdkKeepsItsSpansAndSharesTheContext(Jdk jdk) {
    RunResult result =
        AgentRun.of(OwnSdkWithAgentScenario.class)
            .on(jdk)
            .property(
                "otel.instrumentation.methods.include", OwnSdkWithAgentScenario.Work.class.getName() + "[run]")
            .expectSpans(2)
            .run()
            .assertSuccess();
    String out = result.stdout();
    assertTrue(out.contains("current-is-own=true"), out);
    Matcher own = Pattern.compile("own-exported=own-span (\\w+) (\\w+) \\w+ true").matcher(out);
    assertTrue(own.find(), out);
    // The application's spans went to its own exporter only.
    assertTrue(result.spans().named("own-span").isEmpty(), result.spans().dump());
    assertTrue(result.spans().named("own-inner").isEmpty(), result.spans().dump());
    assertEquals(2, result.spans().size(), result.spans().dump());
    // The agent's span under the application's span continues its trace...
    ReceivedSpan query = result.spans().ofKind("CLIENT").get(0);
    assertEquals(own.group(1), query.traceId(), result.spans().dump());
    assertEquals(own.group(2), query.parentSpanId(), result.spans().dump());
    // ...and the application's span inside the agent's span continues the agent's.
    ReceivedSpan work = result.spans().single("OwnSdkWithAgentScenario$Work.run");
    assertThat(work).isRoot();
    Matcher inner = Pattern.compile("own-exported=own-inner (\\w+) \\w+ (\\w+) ").matcher(out);
    assertTrue(inner.find(), out);
    assertEquals(work.traceId(), inner.group(1), out);
    assertEquals(work.spanId(), inner.group(2), out);
  }
}
