package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.OtlpReceiver;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.TestCertificates;
import io.tracewire.testing.scenarios.ShopScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Export to a collector whose certificate a private CA signed, and with a client certificate. */
class ExportTlsTest {

  private static final String PLACE_ORDER = "ShopScenario$Checkout.placeOrder";

  @TempDir static Path directory;
  private static TestCertificates certificates;

  @BeforeAll
  static void makeCertificates() {
    certificates = TestCertificates.create(directory);
  }

  private static AgentRun shop(Jdk jdk, OtlpReceiver receiver) {
    return AgentRun.of(ShopScenario.class)
        .on(jdk)
        .receiver(receiver)
        .property("otel.instrumentation.methods.include", ShopScenario.Checkout.class.getName() + "[placeOrder]")
        .property("tracewire.shutdown.timeout", "5000");
  }

  @JdkMatrix
  void aPrivateCaNamedInTheSettingsIsTrusted(Jdk jdk) {
    try (OtlpReceiver receiver = OtlpReceiver.startTls(certificates.server(), false)) {
      // Without the CA the collector's certificate is not trusted: nothing arrives.
      RunResult untrusted = shop(jdk, receiver).run().assertSuccess();
      assertEquals(0, receiver.spanCount(), untrusted.stderr());
      assertTrue(untrusted.stderr().contains("spans not exported"), untrusted.stderr());

      RunResult trusted =
          shop(jdk, receiver)
              .property("otel.exporter.otlp.certificate", certificates.caCertificate().toString())
              .expectSpans(1)
              .run()
              .assertSuccess();
      assertEquals(1, trusted.spans().named(PLACE_ORDER).size(), trusted.spans().dump());
    }
  }

  @JdkMatrix
  void aClientCertificateIsSentForMutualTls(Jdk jdk) {
    try (OtlpReceiver receiver = OtlpReceiver.startTls(certificates.server(), true)) {
      RunResult result =
          shop(jdk, receiver)
              .property("otel.exporter.otlp.traces.certificate", certificates.caCertificate().toString())
              .property("otel.exporter.otlp.traces.client.key", certificates.clientKey().toString())
              .property("otel.exporter.otlp.traces.client.certificate", certificates.clientCertificate().toString())
              .expectSpans(1)
              .run()
              .assertSuccess();
      assertEquals(1, result.spans().named(PLACE_ORDER).size(), result.spans().dump());
    }
  }

  @JdkMatrix
  void aProxyTheJvmIsToldAboutIsNamedAsUnused(Jdk jdk) {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      RunResult result =
          shop(jdk, receiver).property("https.proxyHost", "proxy.internal").expectSpans(1).run().assertSuccess();
      assertEquals(
          1,
          result.stderr().lines().filter(line -> line.contains("https.proxyHost is set")).count(),
          result.stderr());
    }
  }
}
