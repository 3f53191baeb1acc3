package io.tracewire.testing.jdbc;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import java.util.List;

/** JDBC on H2, everywhere: statements, batches, errors, pools and options. */
class H2JdbcTest {

  private static final String URL = "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1";

  @JdkMatrix
  void everyCallIsOneSanitizedClientSpan(Jdk jdk) {
    RunResult result = JdbcSpans.scenario(jdk, URL, "sa", "", "direct").expectSpans(9).run().assertSuccess();
    assertTrue(result.stdout().contains("done"), result.stdout());
    ReceivedSpan failed = JdbcSpans.assertScenarioSpans(result, "h2database", "test");
    assertThat(failed)
        .hasAttribute("error.type", "org.h2.jdbc.JdbcSQLSyntaxErrorException")
        .hasAttribute("db.response.status_code", "42S02");
    // An embedded database has no server.
    assertThat(failed).hasNoAttribute("server.address").hasNoAttribute("server.port");
    // DROP TABLE IF EXISTS before, DROP TABLE after: statements outside the traced method are roots.
    assertEquals(2, result.spans().named("DROP TABLE tw_orders").size(), result.spans().dump());
    for (ReceivedSpan drop : result.spans().named("DROP TABLE tw_orders")) {
      assertThat(drop).isRoot().hasKind("CLIENT");
    }
  }

  @JdkMatrix
  void aPoolProxyOverTheDriverGivesOneSpanPerCall(Jdk jdk) {
    RunResult result = JdbcSpans.scenario(jdk, URL, "sa", "", "hikari").expectSpans(9).run().assertSuccess();
    JdbcSpans.assertScenarioSpans(result, "h2database", "test");
    // HikariCP's own start-up queries aside, nothing is doubled.
    assertEquals(1, result.spans().named("SELECT tw_orders").size(), result.spans().dump());
  }

  @JdkMatrix
  void oldAttributeNamesOnOptIn(Jdk jdk) {
    RunResult result =
        JdbcSpans.scenario(jdk, URL, "sa", "", "direct")
            .property("otel.semconv-stability.opt-in", "database/dup")
            .expectSpans(9)
            .run()
            .assertSuccess();
    assertThat(result.spans().single("SELECT tw_orders"))
        .hasAttribute("db.system.name", "h2database")
        .hasAttribute("db.system", "h2")
        .hasAttribute("db.name", "test")
        .hasAttribute("db.statement", "SELECT customer FROM tw_orders WHERE id = ?")
        .hasAttribute("db.operation", "SELECT")
        .hasAttribute("db.sql.table", "tw_orders");
  }

  @JdkMatrix
  void stableNamesOnlyByDefault(Jdk jdk) {
    RunResult result = JdbcSpans.scenario(jdk, URL, "sa", "", "direct").expectSpans(9).run().assertSuccess();
    assertThat(result.spans().single("SELECT tw_orders"))
        .hasNoAttribute("db.system")
        .hasNoAttribute("db.statement")
        .hasNoAttribute("db.name");
  }

  @JdkMatrix
  void sanitizingCanBeSwitchedOff(Jdk jdk) {
    RunResult result =
        JdbcSpans.scenario(jdk, URL, "sa", "", "direct")
            .property("otel.instrumentation.common.db-statement-sanitizer.enabled", "false")
            .expectSpans(9)
            .run()
            .assertSuccess();
    assertThat(result.spans().single("SELECT tw_missing"))
        .hasAttribute("db.query.text", "SELECT * FROM tw_missing WHERE secret = 'topsecret-value'");
  }

  @JdkMatrix
  void jdbcCanBeSwitchedOff(Jdk jdk) {
    RunResult result =
        JdbcSpans.scenario(jdk, URL, "sa", "", "direct")
            .property("otel.instrumentation.jdbc.enabled", "false")
            .expectSpans(1)
            .run()
            .assertSuccess();
    assertEquals(1, result.spans().size(), result.spans().dump());
    assertEquals(JdbcSpans.WORK, result.spans().all().get(0).name());
  }

  @JdkMatrix
  void driverErrorsAreSanitizedOnEverySpanThatRecordsThem(Jdk jdk) {
    RunResult result =
        io.tracewire.testing.harness.AgentRun.of(io.tracewire.testing.scenarios.SqlFailureScenario.class)
            .on(jdk)
            .property(
                "otel.instrumentation.methods.include",
                io.tracewire.testing.scenarios.SqlFailureScenario.Repository.class.getName() + "[findCustomer]")
            .expectSpans(2)
            .run()
            .assertSuccess();
    ReceivedSpan method = result.spans().single("SqlFailureScenario$Repository.findCustomer");
    ReceivedSpan query = result.spans().single("SELECT missing_customers");
    assertThat(query).hasParent(method).hasStatus("ERROR");
    assertThat(method).hasStatus("ERROR").hasAttribute("error.type", "java.lang.IllegalStateException");
    for (ReceivedSpan span : List.of(method, query)) {
      String events = span.events().toString();
      assertTrue(events.contains("missing_customers"), events);
      assertTrue(!events.contains("carol@example.com"), "literal leaked in " + span.name() + ": " + events);
    }
  }
}
