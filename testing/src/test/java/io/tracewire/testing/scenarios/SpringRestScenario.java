package io.tracewire.testing.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The standard sequence through Spring's clients, which run on an instrumented client: {@code
 * RestClient} on the JDK's {@code HttpClient} (argument {@code rest-client}), {@code RestTemplate}
 * on {@code HttpURLConnection} ({@code rest-template}), or {@code WebClient} on the JDK's client
 * ({@code web-client}, with its async steps). Each request must be one span, the underlying
 * client's. Arguments: base URL, refused port, which client.
 */
public final class SpringRestScenario extends HttpClientScenario {

  private final String which;

  private SpringRestScenario(String which) {
    this.which = which;
  }

  @Override
  protected int send(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) {
    switch (which) {
      case "rest-template":
        return viaRestTemplate(method, url, headers, body, timeoutMillis);
      case "web-client":
        return viaWebClient(method, url, headers, body, timeoutMillis);
      default:
        return viaRestClient(method, url, headers, body, timeoutMillis);
    }
  }

  private static int viaWebClient(String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) {
    WebClient.RequestBodySpec request =
        webClient(timeoutMillis).method(HttpMethod.valueOf(method)).uri(URI.create(url));
    headers.forEach(request::header);
    if (body != null) {
      request.bodyValue(body);
    }
    return request.exchangeToMono(response -> Mono.just(response.statusCode().value())).block();
  }

  private static WebClient webClient(int timeoutMillis) {
    JdkClientHttpConnector connector =
        new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    if (timeoutMillis > 0) {
      connector.setReadTimeout(Duration.ofMillis(timeoutMillis));
    }
    return WebClient.builder().clientConnector(connector).build();
  }

  @Override
  protected boolean supportsAsync() {
    return which.equals("web-client");
  }

  /** Reactor's signals come from the JDK client's threads: they must carry the caller's context. */
  @Override
  protected void sendAsync(Step step, String url, Runnable callback) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    webClient(0).get().uri(URI.create(url)).retrieve().toBodilessEntity().subscribe(
        response -> {
          callback.run();
          done.countDown();
        },
        error -> {
          callback.run();
          done.countDown();
        });
    awaitCallback(done, url);
  }

  private static int viaRestClient(String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    if (timeoutMillis > 0) {
      factory.setReadTimeout(Duration.ofMillis(timeoutMillis));
    }
    RestClient.RequestBodySpec request = RestClient.builder().requestFactory(factory).build()
        .method(HttpMethod.valueOf(method)).uri(URI.create(url));
    headers.forEach(request::header);
    if (body != null) {
      request.body(body);
    }
    return request.exchange((sent, response) -> response.getStatusCode().value());
  }

  private static int viaRestTemplate(String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    if (timeoutMillis > 0) {
      factory.setReadTimeout(timeoutMillis);
    }
    RestTemplate template = new RestTemplate(factory);
    return template.execute(URI.create(url), HttpMethod.valueOf(method),
        request -> {
          headers.forEach(request.getHeaders()::set);
          if (body != null) {
            request.getBody().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        },
        response -> response.getStatusCode().value());
  }

  public static void main(String[] args) {
    run(new SpringRestScenario(args.length > 2 ? args[2] : "rest-client"), args);
  }
}
