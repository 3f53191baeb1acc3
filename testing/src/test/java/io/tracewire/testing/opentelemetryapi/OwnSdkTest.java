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
    RunResult result = AgentRun.of(OwnSdkWithAgentScenario.class).on(jdk).expectSpans(1).run().assertSuccess();
    String out = result.stdout();
    assertTrue(out.contains("current-is-own=true"), out);
    Matcher own = Pattern.compile("own-exported=own-span (\\w+) (\\w+) true").matcher(out);
    assertTrue(own.find(), out);
    // The application's span went to its own exporter only.
    assertTrue(result.spans().named("own-span").isEmpty(), result.spans().dump());
    assertEquals(1, result.spans().size(), result.spans().dump());
    ReceivedSpan query = result.spans().all().get(0);
    assertThat(query).hasKind("CLIENT");
    assertEquals(own.group(1), query.traceId(), result.spans().dump());
    assertEquals(own.group(2), query.parentSpanId(), result.spans().dump());
  }
}
