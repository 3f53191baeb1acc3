package io.tracewire.testing.scenarios;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many callers, one front service with a small thread pool, one back service, in one JVM. Each
 * of {@value #CALLERS} caller threads sends {@value #REQUESTS_PER_CALLER} requests ({@code
 * HttpURLConnection}) to the front service ({@code /front?n=N}); its handler (two pooled
 * threads) queries H2, calls the back service synchronously ({@code send}) and asynchronously
 * ({@code sendAsync}, whose callback calls {@link #afterAsync}), and answers. Each request must
 * come out as one trace of its own, correctly parented, with nothing of another request in it.
 */
public final class ConcurrentTracesScenario {

  public static final int CALLERS = 6;
  public static final int REQUESTS_PER_CALLER = 5;

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private ConcurrentTracesScenario() {}

  public static void main(String[] args) throws Exception {
    try (Connection setup = DriverManager.getConnection("jdbc:h2:mem:items;DB_CLOSE_DELAY=-1", "sa", "");
        Statement statement = setup.createStatement()) {
      statement.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50))");
      statement.execute("INSERT INTO items VALUES (1, 'pen')");
    }
    ExecutorService backPool = Executors.newFixedThreadPool(4);
    HttpServer back = server(backPool, exchange -> JdkHttpServerScenario.respond(exchange, 200, "ok"));
    String backUrl = "http://127.0.0.1:" + back.getAddress().getPort() + "/back?";
    ExecutorService frontPool = Executors.newFixedThreadPool(2);
    HttpServer front = server(frontPool, exchange -> handleFront(exchange, backUrl));
    String frontUrl = "http://127.0.0.1:" + front.getAddress().getPort() + "/front?n=";

    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int n = 0; n < CALLERS * REQUESTS_PER_CALLER; n++) {
      String url = frontUrl + n;
      answers.add(callers.submit(() -> call(url)));
    }
    int ok = 0;
    for (Future<Integer> answer : answers) {
      ok += answer.get() == 200 ? 1 : 0;
    }
    callers.shutdown();
    JdkHttpServerScenario.stop(front, frontPool);
    JdkHttpServerScenario.stop(back, backPool);
    System.out.println("answered " + ok);
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static HttpServer server(ExecutorService pool, Handler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(pool);
    server.createContext("/", handler::handle);
    server.start();
    return server;
  }

  private static int call(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    try (InputStream body = connection.getInputStream()) {
      body.readAllBytes();
      return connection.getResponseCode();
    }
  }

  private static void handleFront(HttpExchange exchange, String backUrl) throws IOException {
    String n = exchange.getRequestURI().getQuery().substring("n=".length());
    String item = item();
    try {
      CLIENT.send(get(backUrl + "n=" + n + "&mode=sync"), HttpResponse.BodyHandlers.ofString());
      CLIENT.sendAsync(get(backUrl + "n=" + n + "&mode=async"), HttpResponse.BodyHandlers.ofString())
          .thenApply(response -> afterAsync(response.statusCode()))
          .join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    JdkHttpServerScenario.respond(exchange, 200, item);
  }

  /** Traced by the test: runs on the client's thread, in the handler's context. */
  public static int afterAsync(int status) {
    return status;
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  private static String item() {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:items;DB_CLOSE_DELAY=-1", "sa", "");
        PreparedStatement query = connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
      query.setInt(1, 1);
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? result.getString(1) : "none";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
