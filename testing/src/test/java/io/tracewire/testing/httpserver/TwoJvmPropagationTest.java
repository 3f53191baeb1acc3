package io.tracewire.testing.httpserver;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.OtlpReceiver;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.FrontBackScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two JVMs with the agent: the front service handles a request and calls the back service over
 * HTTP; the back service's SERVER span continues the trace, as the child of the front service's
 * CLIENT span, which is the child of the front's SERVER span.
 */
class TwoJvmPropagationTest {

  private static final Pattern RECEIVED =
      Pattern.compile("RECEIVED 00-([0-9a-f]{32})-([0-9a-f]{16})-01");

  @JdkMatrix
  void theBackServiceSpanIsTheChildOfWhatTheFrontServiceSent(Jdk jdk) throws Exception {
    Path dir = Files.createTempDirectory("two-jvms");
    Path portFile = dir.resolve("back.port");
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      CompletableFuture<RunResult> back =
          CompletableFuture.supplyAsync(
              () ->
                  AgentRun.of(FrontBackScenario.class)
                      .on(jdk)
                      .receiver(receiver)
                      .property("otel.service.name", "back")
                      .args("back", portFile.toString())
                      .run());
      int backPort = awaitPort(portFile, back);
      RunResult front =
          AgentRun.of(FrontBackScenario.class)
              .on(jdk)
              .receiver(receiver)
              .property("otel.service.name", "front")
              .args("front", String.valueOf(backPort))
              .run()
              .assertSuccess();
      assertTrue(front.stdout().contains("front 200 order for alice"), front.describe());
      RunResult backResult = back.get(90, TimeUnit.SECONDS).assertSuccess();
      // back: 2 statements at start-up, its SERVER span and its query; front: its SERVER and CLIENT spans.
      Spans spans = receiver.awaitSpans(6, Duration.ofSeconds(10));

      ReceivedSpan frontServer = serverOf(spans, "front");
      ReceivedSpan backServer = serverOf(spans, "back");
      assertEquals(FrontBackScenario.TRACE_ID, frontServer.traceId(), spans.dump());
      assertEquals(FrontBackScenario.PARENT_ID, frontServer.parentSpanId(), spans.dump());

      // What the back service actually received names its SERVER span's parent.
      Matcher received = RECEIVED.matcher(backResult.stdout());
      assertTrue(received.find(), backResult.describe());
      assertEquals(received.group(1), backServer.traceId(), spans.dump());
      assertEquals(received.group(2), backServer.parentSpanId(), spans.dump());
      assertThat(backServer).isInSameTraceAs(frontServer).hasName("GET");
      ServerSpans.onlyChild(spans, backServer, "SELECT customers");

      List<ReceivedSpan> clients = spans.childrenOf(frontServer).stream().filter(s -> s.kind().equals("CLIENT")).toList();
      assertEquals(1, clients.size(), spans.dump());
      assertThat(backServer).hasParent(clients.get(0));
    }
  }

  private static ReceivedSpan serverOf(Spans spans, String service) {
    return spans.only(
        span -> span.kind().equals("SERVER") && service.equals(span.resourceAttributes().get("service.name")), service);
  }

  private static int awaitPort(Path portFile, CompletableFuture<RunResult> back) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isRegularFile(portFile)) {
      if (back.isDone()) {
        throw new AssertionError("the back service exited before listening\n" + back.get().describe());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the back service did not start listening within 60 s");
      }
      Thread.sleep(20);
    }
    return Integer.parseInt(Files.readString(portFile).trim());
  }
}
