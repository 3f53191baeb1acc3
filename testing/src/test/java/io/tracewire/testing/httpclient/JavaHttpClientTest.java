package io.tracewire.testing.httpclient;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.http.TestHttpServer;
import io.tracewire.testing.scenarios.JavaHttpClientScenario;
import org.junit.jupiter.api.Test;

/** The JDK's {@code java.net.http.HttpClient}, {@code send} and {@code sendAsync}. */
class JavaHttpClientTest {

  static final HttpClientSpans.Client CLIENT = new HttpClientSpans.Client(
      JavaHttpClientScenario.class, "io.tracewire.java-http-client", "java.net.ConnectException",
      "java.net.http.HttpTimeoutException", true, true, true);

  @JdkMatrix
  void standardSequence(Jdk jdk) {
    HttpClientSpans.runStandardSequence(CLIENT, jdk, run -> run);
  }

  @Test
  void canBeSwitchedOff() {
    try (TestHttpServer server = TestHttpServer.start()) {
      HttpClientSpans suite = HttpClientSpans.against(CLIENT, server);
      RunResult result = suite.scenario(Jdk.current())
          .property("otel.instrumentation.java-http-client.enabled", "false")
          .expectSpans(3)
          .run()
          .assertSuccess();
      assertThat(result.spans().single(HttpClientSpans.WORK)).hasKind("INTERNAL");
      assertEquals(0, result.spans().ofKind("CLIENT").size(), result.spans().dump());
      assertNull(server.lastRequest("/ok").header("traceparent"));
    }
  }
}
