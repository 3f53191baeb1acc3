package io.tracewire.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracewire.analytics.backend.JaegerBackend;
import io.tracewire.analytics.backend.TraceBackend;
import io.tracewire.analytics.backend.ZipkinBackend;
import io.tracewire.analytics.report.Report;
import io.tracewire.analytics.report.Report.Dependency;
import io.tracewire.analytics.report.Report.ErrorMessage;
import io.tracewire.analytics.report.Report.Operation;
import io.tracewire.analytics.report.Report.ServiceReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four traces of {@code src/test/resources/README.md}, read through each backend's adapter from
 * a local server, against answers worked out by hand. Quantiles are nearest-rank and checked within
 * the sketch's 1 % bound.
 */
class FixtureAnswersTest {

  private static final Instant START = Instant.ofEpochSecond(1_700_000_000L - 60);
  private static final Instant END = Instant.ofEpochSecond(1_700_000_000L + 60);

  @ParameterizedTest
  @ValueSource(strings = {"zipkin", "jaeger"})
  void reportMatchesTheHandComputedAnswers(String backendName) throws Exception {
    try (FixtureServer server = FixtureServer.serving(backendName)) {
      Report report = TraceAnalytics.over(backend(backendName, server.uri()), server.uri().toString())
          .range(START, END)
          .report(List.of("orders", "payments"));

      ServiceReport orders = report.services().get(0);
      assertEquals("orders", orders.service());
      assertEquals(4, orders.traces());
      assertEquals(6, orders.spans());
      // Trace durations 100, 200, 50, 400 ms.
      assertEquals(187.5, orders.averageMs(), 1e-9);
      assertWithinSketchBound(100, orders.p50Ms());
      assertWithinSketchBound(400, orders.p95Ms());
      assertWithinSketchBound(400, orders.p99Ms());
      // t2 (GET /orders failed) and t4 (SELECT orders failed).
      assertEquals(2, orders.errorTraces());
      assertEquals(0.5, orders.errorRate(), 1e-12);

      List<Operation> ops = orders.slowestOperations();
      assertEquals(List.of("GET /orders", "SELECT orders", "POST /cart"), ops.stream().map(Operation::name).toList());
      assertOperation(ops.get(0), 3, 700.0 / 3, 400, 400, 1.0 / 3);
      assertOperation(ops.get(1), 2, 160, 300, 300, 0.5);
      assertOperation(ops.get(2), 1, 50, 50, 50, 0);

      assertEquals(List.of(new ErrorMessage("deadlock detected", 1, 0.5), new ErrorMessage("payment failed", 1, 0.5)),
          orders.topErrors());
      assertDependency(orders.dependencies(), 2, 0.5, 150);

      ServiceReport payments = report.services().get(1);
      assertEquals(2, payments.traces());
      assertEquals(2, payments.spans());
      assertEquals(150, payments.averageMs(), 1e-9);
      assertWithinSketchBound(100, payments.p50Ms());
      assertWithinSketchBound(200, payments.p95Ms());
      assertEquals(0.5, payments.errorRate(), 1e-12);
      assertOperation(payments.slowestOperations().get(0), 2, 100, 150, 150, 0.5);
      assertEquals(List.of(new ErrorMessage("card declined", 1, 1.0)), payments.topErrors());
      assertDependency(payments.dependencies(), 2, 0.5, 150);

      // Both services' traces overlap: t1 and t2 are counted once.
      assertEquals(4, report.summary().totalTraces());
      assertEquals(0.5, report.summary().meanErrorRate(), 1e-12);
      assertEquals("orders", report.summary().slowestService());
      assertEquals("orders", report.summary().mostErrorProneService());
      assertDependency(report.dependencies(), 2, 0.5, 150);
      assertFalse(report.partial());
      assertEquals(List.of(), report.notes());
    }
  }

  static TraceBackend backend(String name, URI uri) {
    return name.equals("zipkin") ? new ZipkinBackend(uri, Duration.ofSeconds(5)) : new JaegerBackend(uri, Duration.ofSeconds(5));
  }

  private static void assertOperation(Operation op, long count, double average, double p95, double max, double errorRate) {
    assertEquals(count, op.count(), op.name());
    assertEquals(average, op.averageMs(), 1e-9, op.name());
    assertWithinSketchBound(p95, op.p95Ms());
    assertEquals(max, op.maxMs(), 1e-9, op.name());
    assertEquals(errorRate, op.errorRate(), 1e-12, op.name());
  }

  private static void assertDependency(List<Dependency> dependencies, long calls, double errorRate, double p95) {
    assertEquals(1, dependencies.size(), dependencies.toString());
    Dependency dependency = dependencies.get(0);
    assertEquals("orders", dependency.caller());
    assertEquals("payments", dependency.callee());
    assertEquals(calls, dependency.calls());
    assertEquals(errorRate, dependency.errorRate(), 1e-12);
    assertWithinSketchBound(p95, dependency.p95Ms());
  }

  static void assertWithinSketchBound(double expected, double actual) {
    assertEquals(expected, actual, expected * 0.01, "within 1 % of " + expected);
  }
}
