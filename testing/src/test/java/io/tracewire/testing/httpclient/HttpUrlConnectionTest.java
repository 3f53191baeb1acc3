package io.tracewire.testing.httpclient;

import static io.tracewire.testing.harness.SpanAssert.assertThat;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.http.TestHttpServer;
import io.tracewire.testing.scenarios.HttpClientScenario.Step;
import io.tracewire.testing.scenarios.HttpUrlConnectionScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java.net.HttpURLConnection} over HTTP and HTTPS. */
class HttpUrlConnectionTest {

  static final HttpClientSpans.Client CLIENT = new HttpClientSpans.Client(
      HttpUrlConnectionScenario.class, "io.tracewire.http-url-connection", "java.net.ConnectException",
      "java.net.SocketTimeoutException", false, false, true);

  /** Also the run that checks the old attribute names of {@code http/dup}. */
  @JdkMatrix
  void standardSequenceOverHttp(Jdk jdk) {
    try (TestHttpServer server = TestHttpServer.start()) {
      RunResult result = HttpClientSpans.runStandardSequence(CLIENT, server, jdk,
          run -> run.property("otel.semconv-stability.opt-in", "http/dup"));
      assertThat(HttpClientSpans.forStep(result.spans(), Step.GET_OK))
          .hasAttribute("http.method", "GET")
          .hasAttribute("http.url", server.url("/ok?step=get-ok"))
          .hasAttribute("http.status_code", 200)
          .hasAttribute("net.peer.name", "127.0.0.1")
          .hasAttribute("net.peer.port", server.port())
          .hasAttribute("net.protocol.name", "http")
          .hasAttribute("net.protocol.version", "1.1");
    }
  }

  @JdkMatrix
  void standardSequenceOverHttps(Jdk jdk) throws IOException {
    TestHttpServer.SelfSignedCertificate certificate = TestHttpServer.SelfSignedCertificate.generate();
    Path trustStore = certificate.writeTrustStore(Files.createTempFile("tracewire-trust", ".p12"));
    try (TestHttpServer server = TestHttpServer.startHttps(certificate)) {
      RunResult result = HttpClientSpans.runStandardSequence(CLIENT, server, jdk, run -> run
          .property("javax.net.ssl.trustStore", trustStore.toString())
          .property("javax.net.ssl.trustStorePassword", "changeit")
          .property("javax.net.ssl.trustStoreType", "PKCS12"));
      assertThat(HttpClientSpans.forStep(result.spans(), Step.GET_OK)).hasNoAttribute("http.method");
    } finally {
      delete(trustStore);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
