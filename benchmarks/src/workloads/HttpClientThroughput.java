import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sequential GETs to a loopback server over one kept-alive connection: warm up, then count
 * requests in a fixed window. Arguments: URL, {@code jdk} or {@code okhttp}, warm-up and measured
 * seconds. Prints requests/s and the number of requests made (for the span count check).
 */
public final class HttpClientThroughput {

  interface Client {
    int get() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Client client = args[1].equals("okhttp") ? okhttp(url) : jdk(url);
    double warmupSeconds = Double.parseDouble(args[2]);
    double measureSeconds = Double.parseDouble(args[3]);
    long warm = runFor(client, warmupSeconds);
    long start = System.nanoTime();
    long measured = runFor(client, measureSeconds);
    long elapsed = System.nanoTime() - start;
    System.out.printf("ops_per_s %.1f%n", measured * 1e9 / elapsed);
    System.out.println("statements " + (warm + measured));
  }

  private static Client jdk(String url) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    return () -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Client okhttp(String url) {
    OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
    Request request = new Request.Builder().url(url).build();
    return () -> {
      try (Response response = client.newCall(request).execute()) {
        return response.code();
      }
    };
  }

  private static long runFor(Client client, double seconds) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long requests = 0;
    while (System.nanoTime() < deadline) {
      if (client.get() != 200) {
        throw new IllegalStateException("unexpected status");
      }
      requests++;
    }
    return requests;
  }
}
