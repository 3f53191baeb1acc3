package io.tracewire.testing.scenarios;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Many client threads call a front server whose handler pool has two threads; for each request
 * the handler runs SQL, calls a downstream server synchronously ({@code HttpURLConnection}) and
 * asynchronously (JDK {@code HttpClient.sendAsync}, a stage chained on it). Each client request is
 * made inside {@code request <label>}. Arguments: client threads, requests per thread.
 */
public final class HttpConcurrencyScenario {

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    Labels.step("start");
    int threads = Integer.parseInt(args[0]);
    int perThread = Integer.parseInt(args[1]);
    Connection database = DriverManager.getConnection("jdbc:h2:mem:concurrency;DB_CLOSE_DELAY=-1");
    try (Statement ddl = database.createStatement()) {
      ddl.execute("CREATE TABLE labels (label VARCHAR(32) PRIMARY KEY)");
    }
    HttpServer downstream = server(2, "/down", exchange -> answer(exchange, 200, "down " + exchange.getRequestURI().getQuery()));
    String down = "http://127.0.0.1:" + downstream.getAddress().getPort() + "/down?";
    HttpServer front =
        server(2, "/front", exchange -> {
          String label = exchange.getRequestURI().getQuery().substring("label=".length());
          try (PreparedStatement insert = database.prepareStatement("INSERT INTO labels (label) VALUES (?)")) {
            insert.setString(1, label);
            insert.executeUpdate();
          } catch (Exception e) {
            answer(exchange, 500, e.toString());
            return;
          }
          String sync = getWithUrlConnection(down + "sync=" + label);
          String async =
              CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(down + "async=" + label)).build(), HttpResponse.BodyHandlers.ofString())
                  .thenApply(response -> Labels.step("callback " + label) + " " + response.body())
                  .join();
          answer(exchange, 200, sync + " / " + async);
        });
    String frontUrl = "http://127.0.0.1:" + front.getAddress().getPort() + "/front?label=";
    List<Thread> clients = new ArrayList<>();
    int[] failures = new int[1];
    for (int t = 0; t < threads; t++) {
      int client = t;
      Thread thread =
          new Thread(() -> {
            for (int i = 0; i < perThread; i++) {
              String label = client + "-" + i;
              Labels.request(label, () -> {
                try {
                  HttpResponse<String> response =
                      CLIENT.send(HttpRequest.newBuilder(URI.create(frontUrl + label)).build(), HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 200) {
                    synchronized (failures) {
                      failures[0]++;
                    }
                  }
                } catch (Exception e) {
                  synchronized (failures) {
                    failures[0]++;
                  }
                }
              });
            }
          });
      clients.add(thread);
      thread.start();
    }
    for (Thread thread : clients) {
      thread.join();
    }
    front.stop(0);
    downstream.stop(0);
    System.out.println("failures=" + failures[0]);
    System.out.println("done");
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static HttpServer server(int threads, String path, Handler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(path, handler::handle);
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.start();
    return server;
  }

  private static String getWithUrlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    try (InputStream body = connection.getInputStream()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
