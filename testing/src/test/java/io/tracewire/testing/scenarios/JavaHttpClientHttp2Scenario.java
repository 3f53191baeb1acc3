package io.tracewire.testing.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * HTTP/2 over TLS on the JDK's client: one {@code send} and one {@code sendAsync} to an h2 server
 * ({@code ?step=send}, {@code ?step=async}). Argument: the server's base URL.
 */
public final class JavaHttpClientHttp2Scenario {

  private JavaHttpClientHttp2Scenario() {}

  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> sent =
        client.send(request(args[0], "send"), HttpResponse.BodyHandlers.ofString());
    System.out.println("send " + sent.version());
    HttpResponse<String> async =
        client.sendAsync(request(args[0], "async"), HttpResponse.BodyHandlers.ofString()).join();
    System.out.println("async " + async.version());
  }

  private static HttpRequest request(String base, String step) {
    return HttpRequest.newBuilder(URI.create(base + "/h2?step=" + step)).build();
  }
}
