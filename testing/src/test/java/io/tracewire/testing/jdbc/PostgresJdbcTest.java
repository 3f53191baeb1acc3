package io.tracewire.testing.jdbc;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Service;
import io.tracewire.testing.harness.Services;
import io.tracewire.testing.scenarios.BadStatementScenario;

/** JDBC on the real PostgreSQL service, with the real driver. */
class PostgresJdbcTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  @JdkMatrix
  void everyCallIsOneSanitizedClientSpan(Jdk jdk) {
    Services.require(Service.POSTGRESQL);
    RunResult result = JdbcSpans.scenario(jdk, URL, "postgres", "", "direct").expectSpans(9).run().assertSuccess();
    ReceivedSpan failed = JdbcSpans.assertScenarioSpans(result, "postgresql", "test");
    assertThat(failed)
        .hasAttribute("error.type", "org.postgresql.util.PSQLException")
        .hasAttribute("db.response.status_code", "42P01");
    // 5432 is PostgreSQL's default port, so the conventions leave server.port out.
    assertThat(result.spans().single("SELECT tw_orders"))
        .hasAttribute("server.address", "127.0.0.1")
        .hasNoAttribute("server.port");
  }

  @JdkMatrix
  void throughHikariCp(Jdk jdk) {
    Services.require(Service.POSTGRESQL);
    RunResult result = JdbcSpans.scenario(jdk, URL, "postgres", "", "hikari").expectSpans(9).run().assertSuccess();
    JdbcSpans.assertScenarioSpans(result, "postgresql", "test");
  }

  @JdkMatrix
  void anUnquotedPasswordEchoedInASyntaxErrorIsHidden(Jdk jdk) {
    Services.require(Service.POSTGRESQL);
    // PostgreSQL answers: syntax error at or near "Pw4tracewire" (the password is the bad token).
    RunResult result =
        AgentRun.of(BadStatementScenario.class)
            .on(jdk)
            .args(URL, "postgres", "", "ALTER USER tw_nobody PASSWORD Pw4tracewire")
            .expectSpans(1)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("rejected: 42601"), result.stdout());
    ReceivedSpan span = result.spans().single("ALTER USER tw_nobody");
    assertThat(span).hasStatus("ERROR").hasAttribute("db.response.status_code", "42601").hasEvent("exception");
    String everything = span.attributes().toString() + span.events().stream().map(e -> e.attributes().toString()).reduce("", String::concat);
    assertTrue(everything.contains("syntax error at or near"), everything);
    assertFalse(everything.contains("Pw4tracewire"), everything);
  }
}
