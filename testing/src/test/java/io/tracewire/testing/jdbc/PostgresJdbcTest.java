package io.tracewire.testing.jdbc;

import static io.tracewire.testing.harness.SpanAssert.assertThat;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Service;
import io.tracewire.testing.harness.Services;

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
}
