package io.tracewire.testing.httpclient;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.http.TestHttpServer;
import io.tracewire.testing.scenarios.JavaHttpClientHttp2Scenario;
import io.tracewire.testing.scenarios.JavaHttpClientScenario;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Protocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
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

  /** The JDK's test server speaks only HTTP/1.1: an h2 server over TLS answers here. */
  @JdkMatrix
  void http2OverTls(Jdk jdk) throws Exception {
    TestHttpServer.SelfSignedCertificate certificate = TestHttpServer.SelfSignedCertificate.generate();
    Path trustStore = certificate.writeTrustStore(Files.createTempFile("tracewire-trust", ".p12"));
    MockWebServer server = new MockWebServer();
    try {
      server.useHttps(certificate.serverContext().getSocketFactory(), false);
      server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
      server.enqueue(new MockResponse().setBody("ok"));
      server.enqueue(new MockResponse().setBody("ok"));
      server.start(InetAddress.getLoopbackAddress(), 0);
      RunResult result = AgentRun.of(JavaHttpClientHttp2Scenario.class).on(jdk)
          .property("javax.net.ssl.trustStore", trustStore.toString())
          .property("javax.net.ssl.trustStorePassword", "changeit")
          .property("javax.net.ssl.trustStoreType", "PKCS12")
          .args("https://127.0.0.1:" + server.getPort())
          .expectSpans(2)
          .run()
          .assertSuccess();
      assertTrue(result.stdout().contains("send HTTP_2\nasync HTTP_2\n"), result.describe());
      assertEquals(2, result.spans().size(), result.spans().dump());
      for (int i = 0; i < 2; i++) {
        RecordedRequest received = server.takeRequest(5, TimeUnit.SECONDS);
        String path = received.getPath();
        ReceivedSpan span = result.spans().filter(s -> String.valueOf(s.attribute("url.full")).endsWith(path)).get(0);
        assertThat(span).hasKind("CLIENT").hasName("GET")
            .hasAttribute("network.protocol.version", "2")
            .hasAttribute("http.response.status_code", 200);
        assertTrue(received.getHeader("traceparent").startsWith("00-" + span.traceId() + "-" + span.spanId() + "-"),
            path + ": " + received.getHeaders());
      }
    } finally {
      server.shutdown();
      Files.deleteIfExists(trustStore);
    }
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
