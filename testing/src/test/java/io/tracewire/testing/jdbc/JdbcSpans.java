package io.tracewire.testing.jdbc;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.JdbcScenario;
import java.util.List;

/** Runs {@link JdbcScenario} under the agent and checks what every database must produce. */
final class JdbcSpans {

  static final String WORK = "JdbcScenario$Work.run";
  /** Literals of the scenario that must never leave the process. */
  static final List<String> SECRETS =
      List.of("alice@example.com", "secret-note", "4711", "bob@example.com", "mixed-batch-secret", "topsecret-value", "customer-2", "note-3");

  private JdbcSpans() {}

  static AgentRun scenario(Jdk jdk, String url, String user, String password, String mode) {
    return AgentRun.of(JdbcScenario.class)
        .on(jdk)
        .property("otel.instrumentation.methods.include", JdbcScenario.Work.class.getName() + "[run]")
        .args(url, user, password, mode);
  }

  /**
   * Asserts the spans every database yields for the scenario: names, kinds, parents, one span
   * per call, sanitized text, batches and the failing statement. Returns the failing span.
   */
  static ReceivedSpan assertScenarioSpans(RunResult result, String system, String namespace) {
    Spans spans = result.spans();
    ReceivedSpan work = spans.single(WORK);
    List<ReceivedSpan> db = spans.childrenOf(work);
    // Every call made inside run() is one client span, a direct child of it.
    assertEquals(6, db.size(), spans.dump());
    for (ReceivedSpan span : db) {
      assertThat(span)
          .hasKind("CLIENT")
          .hasParent(work)
          .hasAttribute("db.system.name", system)
          .hasAttribute("db.namespace", namespace)
          .hasScopeName("io.tracewire.jdbc");
      assertNoSecrets(span);
    }
    assertThat(spans.single("CREATE TABLE tw_orders"))
        .hasAttribute("db.operation.name", "CREATE")
        .hasAttribute("db.collection.name", "tw_orders");
    assertThat(
            single(db, "INSERT tw_orders", s -> !s.attributes().containsKey("db.operation.batch.size")))
        .hasAttribute("db.query.text", "INSERT INTO tw_orders (id, customer, note) VALUES (?, ?, ?) /* ? */")
        .hasAttribute("db.operation.name", "INSERT")
        .hasAttribute("db.query.summary", "INSERT tw_orders")
        .hasAttribute("db.collection.name", "tw_orders");
    assertThat(spans.single("SELECT tw_orders"))
        .hasAttribute("db.query.text", "SELECT customer FROM tw_orders WHERE id = ?")
        .hasAttribute("db.operation.name", "SELECT")
        .hasAttribute("db.collection.name", "tw_orders");
    assertThat(spans.single("BATCH INSERT tw_orders"))
        .hasAttribute("db.operation.name", "BATCH INSERT")
        .hasAttribute("db.operation.batch.size", 3L)
        .hasAttribute("db.query.text", "INSERT INTO tw_orders (id, customer, note) VALUES (?, ?, ?)");
    assertThat(spans.single("BATCH " + namespace))
        .hasAttribute("db.operation.name", "BATCH")
        .hasAttribute("db.operation.batch.size", 2L)
        .hasAttribute(
            "db.query.text",
            "INSERT INTO tw_orders (id, customer, note) VALUES (?, ?, ?); UPDATE tw_orders SET note = ? WHERE id = ?");
    ReceivedSpan failed = spans.single("SELECT tw_missing");
    assertThat(failed)
        .hasStatus("ERROR")
        .hasEvent("exception")
        .hasAttribute("db.query.text", "SELECT * FROM tw_missing WHERE secret = ?");
    return failed;
  }

  private static ReceivedSpan single(
      List<ReceivedSpan> spans, String name, java.util.function.Predicate<ReceivedSpan> filter) {
    List<ReceivedSpan> matching =
        spans.stream().filter(s -> s.name().equals(name)).filter(filter).toList();
    assertEquals(1, matching.size(), "spans named " + name + ": " + matching);
    return matching.get(0);
  }

  static void assertNoSecrets(ReceivedSpan span) {
    String everything = span.attributes().toString();
    for (ReceivedSpan.Event event : span.events()) {
      everything += event.attributes().toString();
    }
    for (String secret : SECRETS) {
      assertFalse(everything.contains(secret), "literal '" + secret + "' leaked in " + span);
    }
  }
}
