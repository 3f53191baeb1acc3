package io.tracewire.testing.jdbc;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.PreloadingAgent;
import io.tracewire.testing.scenarios.StatementStateScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A statement's prepared SQL is kept in a field the agent adds to the driver's class as it loads,
 * or, for a class that loaded before the agent, in a weak map: the span is the same either way.
 */
class StatementStateTest {

  // Known only from the prepared SQL (sanitized), which the state holds.
  private static final String QUERY = "SELECT ? FROM DUAL WHERE ? = ?";

  @JdkMatrix
  void aStatementClassLoadedAfterTheAgentCarriesItsStateInAField(Jdk jdk) {
    RunResult result = AgentRun.of(StatementStateScenario.class).on(jdk).expectSpans(1).run().assertSuccess();
    assertTrue(result.stdout().contains("answer=42") && result.stdout().contains("field=true"), result.stdout());
    assertThat(result.spans().single("SELECT DUAL")).hasAttribute("db.query.text", QUERY);
  }

  @JdkMatrix
  void aStatementClassLoadedBeforeTheAgentFallsBackToTheWeakMap(Jdk jdk) throws IOException {
    Path preloader = PreloadingAgent.writeJar(Files.createTempDirectory("tracewire-preload"));
    RunResult result =
        AgentRun.of(StatementStateScenario.class)
            .on(jdk)
            .agentBefore(preloader, "org.h2.jdbc.JdbcPreparedStatement")
            .expectSpans(1)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("answer=42") && result.stdout().contains("field=false"), result.stdout());
    assertThat(result.spans().single("SELECT DUAL")).hasAttribute("db.query.text", QUERY);
  }
}
