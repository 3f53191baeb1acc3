package io.tracewire.testing.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A child-JVM main that exports {@link TestRequests#parentAndChild()} to the endpoint in
 * {@code otel.exporter.otlp.endpoint}, as an instrumented application would, so {@link AgentRun}'s span
 * collection can be tested without the agent.
 */
public final class OtlpSenderMain {

  private OtlpSenderMain() {}

  /** Entry point of the child JVM; exits 0 when the receiver answered 200. */
  public static void main(String[] args) throws Exception {
    String endpoint = System.getProperty("otel.exporter.otlp.endpoint");
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/v1/traces"))
        .header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(TestRequests.parentAndChild().toByteArray()))
        .build();
    HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    System.out.println("status=" + response.statusCode());
    System.exit(response.statusCode() == 200 ? 0 : 1);
  }
}
