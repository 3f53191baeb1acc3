package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.DroppedClassLoaderScenario;
import io.tracewire.testing.scenarios.ManyStatementsScenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent may cost: a broken collector never holds the JVM's exit for long, and a class
 * loader the application drops is never kept alive by the agent. Figures are printed by
 * {@code benchmarks/run.sh}; these tests only check the behaviour, with generous bounds.
 */
class OverheadBoundsTest {

  /** The OpenTelemetry agent holds exit ~10 s here; the budget is 1.5 s over a run without agent. */
  private static final Duration EXIT_BOUND = Duration.ofSeconds(6);

  private static final Pattern LOST = Pattern.compile("tracewire: (?:WARNING )?(\\d+) spans not exported");
  private static final Pattern DROPPED =
      Pattern.compile("tracewire: (\\d+) spans not exported at shutdown: (.+) \\((.+)\\)");

  @JdkMatrix
  void deadCollectorDoesNotHoldExit(Jdk jdk) throws IOException {
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      deadPort = probe.getLocalPort();
    }
    RunResult result = runManyStatements(jdk, "http://127.0.0.1:" + deadPort);
    Matcher dropped = droppedLine(result);
    assertTrue(Long.parseLong(dropped.group(1)) > 0, dropped.group());
    assertEquals("connection refused", dropped.group(2), dropped.group());
    assertTrue(dropped.group(3).contains("127.0.0.1:" + deadPort), dropped.group());
    assertEquals(20000, lostSpans(result), "every span lost is counted:\n" + result.stderr());
  }

  @JdkMatrix
  void blackHoleCollectorDoesNotHoldExit(Jdk jdk) throws IOException {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket blackHole = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                // Accepts connections and never reads or answers.
                while (!blackHole.isClosed()) {
                  try {
                    accepted.add(blackHole.accept());
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      RunResult result = runManyStatements(jdk, "http://127.0.0.1:" + blackHole.getLocalPort());
      Matcher dropped = droppedLine(result);
      assertTrue(Long.parseLong(dropped.group(1)) > 0, dropped.group());
      assertEquals(20000, lostSpans(result), "every span lost is counted:\n" + result.stderr());
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  private static RunResult runManyStatements(Jdk jdk, String endpoint) {
    RunResult result =
        AgentRun.of(ManyStatementsScenario.class)
            .on(jdk)
            .property("otel.exporter.otlp.endpoint", endpoint)
            .property("otel.bsp.schedule.delay", "5000")
            .property("tracewire.shutdown.timeout", "1000")
            .args("20000")
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("ran 20000 statements"), result.stdout());
    assertTrue(
        result.duration().compareTo(EXIT_BOUND) < 0,
        "the run took " + result.duration().toMillis() + " ms\n" + result.describe());
    return result;
  }

  /** The spans the agent's lines say were lost, while running and at shutdown. */
  private static long lostSpans(RunResult result) {
    Matcher lines = LOST.matcher(result.stderr());
    long lost = 0;
    while (lines.find()) {
      lost += Long.parseLong(lines.group(1));
    }
    return lost;
  }

  private static Matcher droppedLine(RunResult result) {
    Matcher matcher = DROPPED.matcher(result.stderr());
    assertTrue(matcher.find(), "no dropped-spans line in:\n" + result.stderr());
    return matcher;
  }

  @JdkMatrix
  void droppedClassLoadersAreCollected(Jdk jdk) throws IOException {
    String h2 = AgentRun.classpathEntry("h2-").toString();
    RunResult without =
        AgentRun.of(DroppedClassLoaderScenario.class).on(jdk).withoutAgent().args(h2).run().assertSuccess();
    assertTrue(without.stdout().contains("collected=50/50"), "baseline: " + without.stdout());
    RunResult with =
        AgentRun.of(DroppedClassLoaderScenario.class)
            .on(jdk)
            .property("otel.traces.exporter", "none")
            .args(h2)
            .run()
            .assertSuccess();
    assertTrue(with.stdout().contains("collected=50/50"), with.stdout() + "\n" + with.stderr());
  }

}
