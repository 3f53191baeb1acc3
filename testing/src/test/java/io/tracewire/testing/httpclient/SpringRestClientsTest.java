package io.tracewire.testing.httpclient;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.scenarios.SpringRestScenario;

/**
 * Spring's {@code RestClient}, {@code WebClient} and {@code RestTemplate} on instrumented clients:
 * one span per request, the underlying client's, never two.
 */
class SpringRestClientsTest {

  /**
   * Spring calls {@code sendAsync} and, at its read timeout, cancels the future: the span says
   * the call was cancelled (and the cancel reached the JDK client through the agent's future).
   */
  @JdkMatrix
  void restClientOnTheJdkClient(Jdk jdk) {
    runStandardSequence(jdk, "rest-client", new HttpClientSpans.Client(
        SpringRestScenario.class, "io.tracewire.java-http-client", "java.net.ConnectException",
        "java.util.concurrent.CancellationException", false, true, true));
  }

  /**
   * Reactor's signals after the response come from the JDK client's threads, through the body
   * subscriber the agent runs in the caller's context: the subscriber's callbacks are children of
   * the caller's span.
   */
  @JdkMatrix
  void webClientOnTheJdkClient(Jdk jdk) {
    runStandardSequence(jdk, "web-client", new HttpClientSpans.Client(
        SpringRestScenario.class, "io.tracewire.java-http-client", "java.net.ConnectException",
        "java.net.http.HttpTimeoutException", true, true, true));
  }

  @JdkMatrix
  void restTemplateOnHttpUrlConnection(Jdk jdk) {
    runStandardSequence(jdk, "rest-template", new HttpClientSpans.Client(
        SpringRestScenario.class, "io.tracewire.http-url-connection", "java.net.ConnectException",
        "java.net.SocketTimeoutException", false, false, true));
  }

  private static void runStandardSequence(Jdk jdk, String which, HttpClientSpans.Client client) {
    HttpClientSpans.runStandardSequence(client, jdk, run -> run, which);
  }
}
