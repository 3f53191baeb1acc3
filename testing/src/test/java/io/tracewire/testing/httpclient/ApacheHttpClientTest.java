package io.tracewire.testing.httpclient;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.scenarios.ApacheHttpClientScenario;

/** Apache HttpClient 5, classic and async. */
class ApacheHttpClientTest {

  static final HttpClientSpans.Client CLIENT = new HttpClientSpans.Client(
      ApacheHttpClientScenario.class, "io.tracewire.apache-httpclient",
      "org.apache.hc.client5.http.HttpHostConnectException", "java.net.SocketTimeoutException", true, true, false);

  @JdkMatrix
  void standardSequence(Jdk jdk) {
    HttpClientSpans.runStandardSequence(CLIENT, jdk, run -> run);
  }
}
