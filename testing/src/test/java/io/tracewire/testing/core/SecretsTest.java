package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Services;
import io.tracewire.testing.scenarios.ShopScenario;

/** Secrets in the agent's own settings never reach its output. */
class SecretsTest {

  @JdkMatrix
  void collectorCredentialsTokensAndHeaderValuesAreNeverPrinted(Jdk jdk) {
    String endpoint = "http://collector-user:Pa55word@127.0.0.1:" + Services.closedPort() + "/v1/traces?api_key=T0ken&sig=S1g";
    RunResult result =
        AgentRun.of(ShopScenario.class)
            .on(jdk)
            .property("otel.instrumentation.methods.include", ShopScenario.Checkout.class.getName() + "[placeOrder]")
            .property("otel.exporter.otlp.traces.endpoint", endpoint)
            .property("otel.exporter.otlp.headers", "x-team=core,Authorization: Bearer HeaderT0ken")
            .property("tracewire.shutdown.timeout", "1000")
            .run()
            .assertSuccess();
    String output = result.stdout() + result.stderr();
    for (String secret : new String[] {"collector-user", "Pa55word", "T0ken", "S1g", "HeaderT0ken"}) {
      assertFalse(output.contains(secret), secret + " was printed:\n" + output);
    }
    String redacted = "http://REDACTED:REDACTED@127.0.0.1:";
    // The start-up line and the shutdown line both name the collector, redacted.
    assertTrue(output.lines().filter(line -> line.contains(redacted)).count() >= 2, output);
    assertTrue(output.contains("/v1/traces?api_key=REDACTED&sig=REDACTED"), output);
    assertTrue(output.contains("invalid entry 2 (not shown) in otel.exporter.otlp.headers"), output);
  }
}
