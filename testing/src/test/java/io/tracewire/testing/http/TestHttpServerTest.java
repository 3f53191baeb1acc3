package io.tracewire.testing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestHttpServerTest {

  private static TestHttpServer server;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestHttpServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ok() throws Exception {
    HttpResponse<String> response = get("/ok");
    assertEquals(200, response.statusCode());
    assertEquals("ok", response.body());
    assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
  }

  @Test
  void statusCodes() throws Exception {
    assertEquals(404, get("/status/404").statusCode());
    assertEquals(500, get("/status/500").statusCode());
    assertEquals(204, get("/status/204").statusCode());
    assertEquals(400, get("/status/abc").statusCode());
    assertEquals(404, get("/nowhere").statusCode());
  }

  @Test
  void slowAnswersLateEnoughForATimeout() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/slow?ms=2000"))).timeout(Duration.ofMillis(200)).build();
    assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void recordsAndEchoesHeaders() throws Exception {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    HttpResponse<String> response = get("/echo-headers?x=1", "traceparent", traceparent, "X-Multi", "a", "X-Multi", "b");
    assertTrue(response.body().contains("traceparent: " + traceparent + "\n"), response.body());
    assertTrue(response.body().contains("x-multi: a\nx-multi: b\n"), response.body());
    TestHttpServer.Request recorded = server.lastRequest("/echo-headers");
    assertEquals("GET", recorded.method());
    assertEquals("x=1", recorded.query());
    assertEquals(traceparent, recorded.header("Traceparent"));
    assertEquals(List.of("a", "b"), recorded.headers().get("x-multi"));
  }

  @Test
  void https() throws Exception {
    TestHttpServer.SelfSignedCertificate certificate = TestHttpServer.SelfSignedCertificate.generate();
    try (TestHttpServer secure = TestHttpServer.startHttps(certificate)) {
      HttpClient trusting = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
      HttpResponse<String> response =
          trusting.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + secure.port() + "/ok")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals("ok", response.body());
      assertEquals(1, secure.awaitRequests(1, Duration.ofSeconds(5)).size());
    }
  }

  @Test
  void runsInAChildJvm() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), TestHttpServer.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("LISTENING "), String.valueOf(line));
      int port = Integer.parseInt(line.substring("LISTENING ".length()));
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ok")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals("ok", response.body());
      child.getOutputStream().close();
      assertTrue(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the child stops when stdin closes");
    } finally {
      child.destroyForcibly();
    }
  }
}
