package io.tracewire.testing.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The standard sequence on the JDK's {@code java.net.http.HttpClient}: {@code send} and {@code sendAsync}. */
public final class JavaHttpClientScenario extends HttpClientScenario {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  protected int send(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    if (timeoutMillis > 0) {
      request.timeout(Duration.ofMillis(timeoutMillis));
    }
    if (step == Step.POST) {
      // HTTP/2 asked for over cleartext: the server only speaks 1.1, the span reports what was used.
      request.version(HttpClient.Version.HTTP_2);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Override
  protected boolean supportsAsync() {
    return true;
  }

  @Override
  protected void sendAsync(Step step, String url, Runnable callback) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, error) -> {
          callback.run();
          return response;
        })
        .join();
  }

  public static void main(String[] args) {
    run(new JavaHttpClientScenario(), args);
  }
}
