package io.tracewire.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.analytics.FixtureServer;
import io.tracewire.analytics.FixtureServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command: its formats, and one clear message and a non-zero exit for each failure. */
class AnalyticsMainTest {

  private static final String[] RANGE = {"--start", "2023-11-14T22:12:00Z", "--end", "2023-11-14T22:15:00Z"};

  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AnalyticsMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Outcome report(URI url, String backend, String... more) {
    List<String> args = new ArrayList<>(List.of("report", "--backend", backend, "--url", url.toString()));
    args.addAll(List.of(RANGE));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static FixtureServer fixtures(String backend) {
    return FixtureServer.serving(backend);
  }

  @Test
  void tablePrintsEachServiceSummaryAndDependencies() {
    try (FixtureServer server = fixtures("zipkin")) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders", "--service", "payments");
      assertEquals(0, outcome.code(), outcome.err());
      assertEquals("", outcome.err());
      String table = outcome.out();
      assertTrue(table.contains("Service orders\n"), table);
      assertTrue(table.matches("(?s).*\\n  +4 +6 +2 +50\\.0 % +187\\.5 .*"), table);
      assertTrue(table.matches("(?s).*\\n  GET /orders +3 +233\\.3 +40\\d\\.\\d +400\\.0 +33\\.3 %\\n.*"), table);
      assertTrue(table.matches("(?s).*\\n  card declined +1 +100\\.0 %\\n.*"), table);
      assertTrue(table.matches("(?s).*Summary\\n.*\\n +4 +50\\.0 % +orders \\(.*\\) +orders \\(50\\.0 %\\)\\n.*"), table);
      assertTrue(table.matches("(?s).*Dependencies\\n.*\\n  orders -> payments +2 +50\\.0 % .*"), table);
    }
  }

  @Test
  void jsonIsForMachines() {
    try (FixtureServer server = fixtures("jaeger")) {
      Outcome outcome = report(server.uri(), "jaeger", "--service", "payments", "--format", "json");
      assertEquals(0, outcome.code(), outcome.err());
      String json = outcome.out();
      assertTrue(json.contains("\"service\" : \"payments\""), json);
      assertTrue(json.contains("\"traces\" : 2"), json);
      assertTrue(json.contains("\"errorRate\" : 0.5"), json);
      assertTrue(json.contains("\"message\" : \"card declined\""), json);
      assertTrue(json.contains("\"caller\" : \"orders\""), json);
      assertTrue(json.contains("\"partial\" : false"), json);
    }
  }

  @Test
  void htmlIsOneSelfContainedFile() throws IOException {
    Path file = dir.resolve("report.html");
    try (FixtureServer server = fixtures("zipkin")) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders", "--service", "payments",
          "--format", "html", "--out", file.toString());
      assertEquals(0, outcome.code(), outcome.err());
      assertEquals("", outcome.out());
    }
    String html = Files.readString(file);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<svg class=\"histogram\""), html);
    assertTrue(html.contains("<svg class=\"graph\""), html);
    assertTrue(html.contains("GET /orders"), html);
    for (String external : List.of("<script", "<link", "@import", "src=", "url(http", "@font-face")) {
      assertFalse(html.contains(external), "no external resource or script: " + external);
    }
  }

  @Test
  void unreachableBackend() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Outcome outcome = report(URI.create("http://127.0.0.1:" + port), "zipkin", "--service", "orders");
    assertFailure(outcome, 1, "error: cannot reach zipkin at http://127.0.0.1:" + port + " (connection refused)");
  }

  @Test
  void httpError() {
    try (FixtureServer server = FixtureServer.start(uri -> Answer.status(503, "{\"message\":\"storage is down\"}"))) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders");
      assertFailure(outcome, 1, "error: zipkin answered HTTP 503 to GET " + server.uri()
          + "/api/v2/services: {\"message\":\"storage is down\"}");
    }
  }

  @Test
  void malformedJson() {
    try (FixtureServer server = answering("zipkin", uri -> Answer.json("[[{\"traceId\": \"1\", \"id\": "))) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders");
      assertEquals(1, outcome.code());
      assertTrue(outcome.err().startsWith("error: malformed JSON from zipkin (GET " + server.uri() + "/api/v2/traces?"),
          outcome.err());
      assertEquals(1, outcome.err().lines().count(), outcome.err());
    }
  }

  @Test
  void jsonOfTheWrongShape() {
    try (FixtureServer server = answering("jaeger", uri -> Answer.json("{\"data\": {\"traceID\": \"x\"}}"))) {
      Outcome outcome = report(server.uri(), "jaeger", "--service", "orders");
      assertEquals(1, outcome.code());
      assertTrue(outcome.err().contains("expected an array of traces in \"data\" but found an object"), outcome.err());
    }
  }

  @Test
  void jaegerErrorsInTheAnswerAreReported() {
    try (FixtureServer server = answering("jaeger", uri -> Answer.resource("jaeger/error-response.json"))) {
      Outcome outcome = report(server.uri(), "jaeger", "--service", "orders");
      assertEquals(1, outcome.code());
      assertTrue(outcome.err().contains("the answer lists errors: 400 parameter 'service' is required"), outcome.err());
    }
  }

  @Test
  void unknownService() {
    try (FixtureServer server = fixtures("zipkin")) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "inventory");
      assertFailure(outcome, 1, "error: unknown service 'inventory': zipkin at " + server.uri()
          + " knows orders, payments");
    }
  }

  @Test
  void emptyRange() {
    try (FixtureServer server = answering("zipkin", uri -> Answer.json("[]"))) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders");
      assertFailure(outcome, 1, "error: no traces of service 'orders' in zipkin between 2023-11-14T22:12:00Z"
          + " and 2023-11-14T22:15:00Z");
    }
  }

  @Test
  void aFailureAfterTheFirstPageGivesAPartialReport() {
    AtomicInteger pages = new AtomicInteger();
    try (FixtureServer server = answering("zipkin", uri -> pages.incrementAndGet() == 1
        ? Answer.resource("zipkin/traces-orders.json") : Answer.status(500, "out of memory"))) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders", "--page-size", "4");
      assertEquals(3, outcome.code(), outcome.err());
      assertTrue(outcome.out().contains("note: PARTIAL: orders: reading stopped after 4 traces: zipkin answered HTTP 500"),
          outcome.out());
      assertTrue(outcome.out().contains("Service orders  (PARTIAL)"), outcome.out());
      assertTrue(outcome.err().startsWith("warning: PARTIAL: orders"), outcome.err());
    }
  }

  @Test
  void theLimitIsNoted() {
    try (FixtureServer server = fixtures("zipkin")) {
      Outcome outcome = report(server.uri(), "zipkin", "--service", "orders", "--limit", "2");
      assertEquals(0, outcome.code(), outcome.err());
      assertTrue(outcome.out().contains("note: orders: only the newest 2 traces were read (--limit)"), outcome.out());
    }
  }

  @Test
  void badCommandLines() {
    assertUsage(run(), "error: missing command: report");
    assertUsage(run("report", "--url", "http://x", "--service", "a", "--since", "1h"), "error: missing --backend");
    assertUsage(run("report", "--backend", "tempo"), "error: unknown backend 'tempo' (use zipkin or jaeger)");
    assertUsage(run("report", "--backend", "zipkin", "--url", "http://x", "--service", "a"),
        "error: missing time range: --since 1h, or --start and --end");
    assertUsage(run("report", "--backend", "zipkin", "--url", "http://x", "--service", "a", "--since", "soon"),
        "error: --since 'soon' is not a duration");
    assertUsage(run("report", "--backend", "zipkin", "--url", "http://x", "--service", "a", "--start", "yesterday"),
        "error: --start 'yesterday' is not an ISO-8601 instant");
    assertUsage(run("report", "--backend", "zipkin", "--url", "http://x", "--service", "a", "--since", "1h",
        "--format", "pdf"), "error: unknown format 'pdf'");
    assertUsage(run("report", "--backend", "zipkin", "--url", "http://x", "--service", "a", "--since", "1h",
        "--limit", "0"), "error: --limit must be a positive whole number: 0");
    assertUsage(run("report", "--backend", "zipkin", "--url", "http://x", "--service", "a",
        "--start", "2024-01-02T00:00:00Z", "--end", "2024-01-01T00:00:00Z"), "error: --start 2024-01-02T00:00:00Z is not before");
    assertEquals(0, run("--help").code());
  }

  private static FixtureServer answering(String backend, Function<URI, Answer> traces) {
    return FixtureServer.start(uri -> uri.getPath().endsWith("/services")
        ? Answer.resource(backend + "/services.json") : traces.apply(uri));
  }

  private static void assertFailure(Outcome outcome, int code, String message) {
    assertEquals(code, outcome.code(), outcome.err());
    assertEquals(message + "\n", outcome.err());
    assertEquals("", outcome.out());
  }

  private static void assertUsage(Outcome outcome, String start) {
    assertEquals(2, outcome.code(), outcome.err());
    assertTrue(outcome.err().startsWith(start), outcome.err());
    assertTrue(outcome.err().contains("usage: java -jar tracewire-analytics.jar report"), outcome.err());
  }
}
