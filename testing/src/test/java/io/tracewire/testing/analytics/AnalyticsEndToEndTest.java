package io.tracewire.testing.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.analytics.TraceAnalytics;
import io.tracewire.analytics.backend.BackendException;
import io.tracewire.analytics.backend.ZipkinBackend;
import io.tracewire.analytics.report.Report;
import io.tracewire.analytics.report.Report.Dependency;
import io.tracewire.analytics.report.Report.ErrorMessage;
import io.tracewire.analytics.report.Report.Operation;
import io.tracewire.analytics.report.Report.ServiceReport;
import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.TwoServicesScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The agent's {@code zipkin} exporter sends the spans of two traced JVMs, {@code orders} and
 * {@code payments}, to a real Zipkin server; the analytics report reads them back. The scenario
 * ({@link TwoServicesScenario}) has known failures and a known slowest operation, so every figure
 * the test checks is known in advance.
 */
class AnalyticsEndToEndTest {

  private static final String SCENARIO = TwoServicesScenario.class.getName();
  private static final String METHODS =
      SCENARIO + "$Shop[placeOrder,exportReport];" + SCENARIO + "$Payments[authorize]";
  private static final int ORDERS_TRACES = TwoServicesScenario.ORDERS + TwoServicesScenario.REPORTS;
  // Every order but the unknown item reaches payments.
  private static final int PAYMENTS_TRACES = TwoServicesScenario.ORDERS - 1;
  private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path work;

  @Test
  void reportReadsBackWhatTheAgentSentToZipkin() throws Exception {
    Instant start = Instant.now().minusSeconds(60);
    try (ZipkinServer zipkin = ZipkinServer.start(work)) {
      runBothServices(zipkin);

      Report report = awaitReport(zipkin, start);
      ServiceReport orders = report.services().get(0);
      ServiceReport payments = report.services().get(1);

      assertEquals(ORDERS_TRACES, orders.traces(), describe(report));
      assertEquals(2, orders.errorTraces(), describe(report));
      assertEquals(0.2, orders.errorRate(), 1e-9);
      Operation slowest = orders.slowestOperations().get(0);
      // Zipkin stores span names in lower case.
      assertEquals("twoservicesscenario$shop.exportreport", slowest.name(), describe(report));
      assertEquals(TwoServicesScenario.REPORTS, slowest.count());
      assertTrue(slowest.averageMs() >= TwoServicesScenario.REPORT_MILLIS * 0.99, describe(report));
      assertEquals(List.of("payment declined", "unknown item"),
          orders.topErrors().stream().map(ErrorMessage::message).sorted().toList(), describe(report));

      assertEquals(PAYMENTS_TRACES, payments.traces(), describe(report));
      assertEquals(1, payments.errorTraces(), describe(report));
      assertEquals(List.of("card declined"), payments.topErrors().stream().map(ErrorMessage::message).toList());

      assertEquals(1, report.dependencies().size(), describe(report));
      Dependency edge = report.dependencies().get(0);
      assertEquals("orders", edge.caller());
      assertEquals("payments", edge.callee());
      assertEquals(PAYMENTS_TRACES, edge.calls());
      assertEquals(1.0 / PAYMENTS_TRACES, edge.errorRate(), 1e-9);

      assertEquals(ORDERS_TRACES, report.summary().totalTraces());
      assertEquals("orders", report.summary().slowestService());
      assertFalse(report.partial());

      String table = runCli(zipkin, 0, "--service", "orders", "--service", "payments", "--since", "10m");
      // Kept for whoever reads the build's output.
      Files.writeString(Path.of("target", "analytics-end-to-end-report.txt"), table);
      assertTrue(table.matches("(?s).*\\n  orders -> payments +" + PAYMENTS_TRACES + " +14\\.3 % .*"), table);
      assertTrue(table.matches("(?s).*\\n  twoservicesscenario\\$shop\\.exportreport +2 .*"), table);

      String unknown = runCli(zipkin, 1, "--service", "inventory", "--since", "10m");
      assertTrue(unknown.contains("error: unknown service 'inventory': zipkin at " + zipkin.uri()
          + " knows orders, payments"), unknown);
    }
  }

  private void runBothServices(ZipkinServer zipkin) throws Exception {
    Path portFile = work.resolve("payments.port");
    // payments serves until orders tells it to stop, so it runs alongside.
    CompletableFuture<RunResult> payments =
        CompletableFuture.supplyAsync(() -> service("payments", zipkin, portFile).run());
    RunResult orders = service("orders", zipkin, portFile).run();
    RunResult paymentsResult = payments.get(3, TimeUnit.MINUTES);
    orders.assertSuccess();
    paymentsResult.assertSuccess();
    assertTrue(orders.stdout().contains("order 3 failed: payment declined"), orders.describe());
  }

  private static AgentRun service(String name, ZipkinServer zipkin, Path portFile) {
    return AgentRun.of(TwoServicesScenario.class)
        .withTestExtension()
        .property("otel.service.name", name)
        .property("otel.traces.exporter", "zipkin")
        .property("otel.exporter.zipkin.endpoint", zipkin.spansEndpoint())
        .property("otel.instrumentation.methods.include", METHODS)
        .args(name, portFile.toString())
        .timeout(Duration.ofMinutes(2));
  }

  /** Zipkin stores what it accepts at once, but the exporters' last batches may still be in flight. */
  private static Report awaitReport(ZipkinServer zipkin, Instant start) throws Exception {
    ZipkinBackend backend = new ZipkinBackend(zipkin.uri(), Duration.ofSeconds(10));
    long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
    Report last = null;
    String lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        last = TraceAnalytics.over(backend, zipkin.uri().toString())
            .range(start, Instant.now().plusSeconds(5))
            .report(List.of("orders", "payments"));
        if (last.services().get(0).traces() >= ORDERS_TRACES
            && last.services().get(1).traces() >= PAYMENTS_TRACES
            && last.dependencies().stream().mapToLong(Dependency::calls).sum() >= PAYMENTS_TRACES) {
          return last;
        }
      } catch (BackendException e) {
        lastError = e.getMessage();
      }
      ZipkinServer.sleep(500);
    }
    throw new AssertionFailedError("Zipkin did not hold every trace within " + ARRIVAL_TIMEOUT + ": "
        + (last != null ? describe(last) : lastError));
  }

  /** Runs the shaded command-line jar, as a user does, and returns stdout and stderr. */
  private String runCli(ZipkinServer zipkin, int expectedExit, String... options) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("tracewire.analytics.jar", "../analytics/target/tracewire-analytics.jar"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "report", "--backend", "zipkin", "--url", zipkin.uri().toString()));
    command.addAll(List.of(options));
    Path output = Files.createTempFile(work, "cli", ".txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionFailedError("the report command did not finish within 60 s");
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(expectedExit, process.exitValue(), String.join(" ", command) + "\n" + text);
    return text;
  }

  private static String describe(Report report) {
    StringBuilder text = new StringBuilder();
    for (ServiceReport service : report.services()) {
      text.append('\n').append(service.service()).append(": traces=").append(service.traces())
          .append(" errors=").append(service.errorTraces()).append(" ops=").append(service.slowestOperations())
          .append(" top errors=").append(service.topErrors());
    }
    return text.append("\ndependencies=").append(report.dependencies()).toString();
  }
}
