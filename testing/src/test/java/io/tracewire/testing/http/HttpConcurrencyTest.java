package io.tracewire.testing.http;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.HttpConcurrencyScenario;
import java.util.List;

/**
 * Concurrent requests through a server with a small thread pool, whose handler does SQL and two
 * downstream calls (one synchronous, one asynchronous with a chained stage): every request comes
 * out as one correctly parented trace, with no context leaking between pooled threads or into
 * callbacks.
 */
class HttpConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 10;

  @JdkMatrix
  void everyRequestIsOneCorrectlyParentedTrace(Jdk jdk) {
    int requests = THREADS * PER_THREAD;
    // Per request: request, client, front server, insert, sync client + server, async client +
    // server, callback step.
    RunResult result =
        AgentRun.of(HttpConcurrencyScenario.class)
            .on(jdk)
            .withTestExtension()
            .property("otel.bsp.max.queue.size", "20000")
            .args(String.valueOf(THREADS), String.valueOf(PER_THREAD))
            .expectSpans(requests * 9)
            .timeout(java.time.Duration.ofSeconds(120))
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("failures=0"), result.stdout() + result.stderr());
    Spans spans = result.spans();
    StringBuilder wrong = new StringBuilder();
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < PER_THREAD; i++) {
        String label = t + "-" + i;
        try {
          checkOneTrace(spans, label);
        } catch (AssertionError e) {
          wrong.append(label).append(": ").append(e.getMessage()).append('\n');
        }
      }
    }
    assertEquals("", wrong.toString(), "wrongly parented requests");
  }

  private static void checkOneTrace(Spans spans, String label) {
    ReceivedSpan request = spans.single("request " + label);
    ReceivedSpan client = only(spans.childrenOf(request), "CLIENT");
    ReceivedSpan front = only(spans.childrenOf(client), "SERVER");
    assertThat(front).hasAttribute("url.query", "label=" + label);
    List<ReceivedSpan> work = spans.childrenOf(front);
    assertEquals(4, work.size(), "under the front server span: " + work);
    assertEquals(1, work.stream().filter(span -> span.name().equals("INSERT labels")).count(), "SQL: " + work);
    for (String mode : List.of("sync", "async")) {
      ReceivedSpan downstreamServer =
          spans.filter(span -> span.kind().equals("SERVER") && (mode + "=" + label).equals(span.attribute("url.query"))).get(0);
      ReceivedSpan downstreamClient = spans.parentOf(downstreamServer).orElseThrow();
      assertThat(downstreamClient).hasKind("CLIENT").hasParent(front);
    }
    assertThat(spans.single("step callback " + label)).hasParent(front);
  }

  private static ReceivedSpan only(List<ReceivedSpan> children, String kind) {
    List<ReceivedSpan> ofKind = children.stream().filter(span -> span.kind().equals(kind)).collect(java.util.stream.Collectors.toList());
    assertEquals(1, ofKind.size(), kind + " children: " + children);
    return ofKind.get(0);
  }
}
