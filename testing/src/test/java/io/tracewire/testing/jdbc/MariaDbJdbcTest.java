package io.tracewire.testing.jdbc;

import static io.tracewire.testing.harness.SpanAssert.assertThat;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Service;
import io.tracewire.testing.harness.Services;

/** JDBC on the real MariaDB service, with the real driver. */
class MariaDbJdbcTest {

  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test";

  @JdkMatrix
  void everyCallIsOneSanitizedClientSpan(Jdk jdk) {
    Services.require(Service.MARIADB);
    RunResult result = JdbcSpans.scenario(jdk, URL, "root", "", "direct").expectSpans(9).run().assertSuccess();
    ReceivedSpan failed = JdbcSpans.assertScenarioSpans(result, "mariadb", "test");
    assertThat(failed)
        .hasAttributeMatching("error.type", type -> String.valueOf(type).startsWith("java.sql.SQL"))
        .hasAttribute("db.response.status_code", "42S02");
    assertThat(result.spans().single("SELECT tw_orders"))
        .hasAttribute("server.address", "127.0.0.1")
        .hasNoAttribute("server.port");
  }
}
