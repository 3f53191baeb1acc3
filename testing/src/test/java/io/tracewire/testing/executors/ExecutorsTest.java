package io.tracewire.testing.executors;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.ExecutorsEdgeScenario;
import io.tracewire.testing.scenarios.ExecutorsLeakScenario;
import io.tracewire.testing.scenarios.ExecutorsScenario;
import io.tracewire.testing.scenarios.SpringAsyncScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Context follows work handed to other threads, and goes nowhere else. Scenarios label their work:
 * {@code step X} must be the child of {@code request X} when the work was handed over inside it,
 * and a root otherwise.
 */
class ExecutorsTest {

  private static final List<String> HANDED_OVER =
      List.of(
          "execute", "submit-runnable", "submit-callable", "invoke-all", "invoke-any",
          "schedule-runnable", "schedule-callable", "fixed-rate", "forkjoin-execute",
          "forkjoin-submit", "forkjoin-invoke", "common-pool", "run-async-executor",
          "then-apply-async", "own-executor", "chained");

  @JdkMatrix
  void everyHandOverCarriesTheContext(Jdk jdk) {
    List<String> expected = new ArrayList<>(HANDED_OVER);
    if (jdk.featureVersion() >= 21) {
      expected.add("virtual-thread");
      expected.add("virtual-executor");
    }
    RunResult result =
        AgentRun.of(ExecutorsScenario.class).on(jdk).withTestExtension().expectSpans(40).run().assertSuccess();
    assertTrue(result.stdout().contains("shutdownNow returned 1 own tasks"), result.stdout());
    Spans spans = result.spans();
    for (String label : expected) {
      ReceivedSpan request = spans.single("request " + label);
      List<ReceivedSpan> steps = spans.named("step " + label);
      assertTrue(!steps.isEmpty(), "no step " + label + "\n" + spans.dump());
      for (ReceivedSpan step : steps) {
        assertThat(step).hasParent(request);
      }
    }
    assertEquals(4, spans.named("step forkjoin-invoke").size(), spans.dump());
    assertThat(spans.single("step untraced")).isRoot();
    assertThat(spans.single("step warm-up")).isRoot();
    assertEachStepUnderItsOwnRequestOrRoot(spans);
  }

  @JdkMatrix
  void thousandsOfTasksNeverLeakAContext(Jdk jdk) {
    int threads = 8;
    int tasksPerThread = 250;
    int cancelled = threads * (int) IntStream.range(0, tasksPerThread).filter(i -> i % 11 == 0).count();
    int steps = threads * tasksPerThread - cancelled + 3;
    int requests = threads * tasksPerThread / 2;
    RunResult result =
        AgentRun.of(ExecutorsLeakScenario.class)
            .on(jdk)
            .withTestExtension()
            .property("otel.bsp.max.queue.size", "100000")
            .property("otel.bsp.max.export.batch.size", "2048")
            .args(String.valueOf(threads), String.valueOf(tasksPerThread))
            .expectSpans(steps + requests)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("cancelled=" + cancelled), result.stdout());
    Spans spans = result.spans();
    assertEquals(requests, countNamed(spans, "request "), "requests");
    assertEquals(steps, countNamed(spans, "step "), "steps");
    assertEachStepUnderItsOwnRequestOrRoot(spans);
    assertThat(spans.single("step probe-0")).isRoot();
    assertThat(spans.single("step probe-1")).isRoot();
  }

  @JdkMatrix
  void springAsyncMethodsAndStageChainsBelongToTheRequest(Jdk jdk) {
    RunResult result =
        AgentRun.of(SpringAsyncScenario.class).on(jdk).withTestExtension().expectSpans(9).run().assertSuccess();
    Spans spans = result.spans();
    assertThat(spans.single("step spring-async")).hasParent(spans.single("request spring-async"));
    assertThat(spans.single("step spring-async-void")).hasParent(spans.single("request spring-async-void"));
    assertEquals(3, spans.named("step chain").size(), spans.dump());
    assertEachStepUnderItsOwnRequestOrRoot(spans);
  }

  @JdkMatrix
  void executorsThatLookAtTheirTasksSeeTheApplicationsOwnAndNoContextIsLent(Jdk jdk) {
    RunResult result =
        AgentRun.of(ExecutorsEdgeScenario.class).on(jdk).withTestExtension().expectSpans(9).run().assertSuccess();
    String out = result.stdout();
    assertTrue(out.contains("priority tasks ran") && out.contains("done"), out + result.stderr());
    assertTrue(out.contains("beforeExecute saw own task: true"), out);
    assertTrue(out.contains("rejection handler saw own task: true"), out);
    Spans spans = result.spans();
    assertThat(spans.single("step serial")).hasParent(spans.single("request serial"));
    assertThat(spans.single("step unrelated-serial")).isRoot();
    assertThat(spans.single("step fj-help")).hasParent(spans.single("request fj-help"));
    assertThat(spans.single("step unrelated-fj")).isRoot();
  }

  @Test
  void switchedOffNothingIsCarried() {
    RunResult result =
        AgentRun.of(ExecutorsScenario.class)
            .withTestExtension()
            .property("otel.instrumentation.executors.enabled", "false")
            .expectSpans(30)
            .run()
            .assertSuccess();
    assertThat(result.spans().single("step submit-callable")).isRoot();
    assertThat(result.spans().single("step common-pool")).isRoot();
  }

  /** Every {@code step X}: the child of {@code request X} if there is one, else a root. */
  private static void assertEachStepUnderItsOwnRequestOrRoot(Spans spans) {
    StringBuilder wrong = new StringBuilder();
    for (ReceivedSpan step : spans.filter(span -> span.name().startsWith("step "))) {
      List<ReceivedSpan> requests = spans.named("request " + step.name().substring("step ".length()));
      boolean ok =
          requests.isEmpty()
              ? step.isRoot()
              : step.traceId().equals(requests.get(0).traceId())
                  && step.parentSpanId().equals(requests.get(0).spanId());
      if (!ok) {
        wrong.append(step).append('\n');
      }
    }
    assertEquals("", wrong.toString(), "wrongly parented steps");
  }

  private static int countNamed(Spans spans, String prefix) {
    return spans.filter(span -> span.name().startsWith(prefix)).size();
  }
}
