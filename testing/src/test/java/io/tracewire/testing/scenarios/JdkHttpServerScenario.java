package io.tracewire.testing.scenarios;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK {@code HttpServer} whose handler queries H2, answers 404 and 500, throws, and sits behind a
 * user filter; the scenario sends itself one request of each kind over a raw socket and prints
 * {@code PORT <n>} and each answer's status.
 */
public final class JdkHttpServerScenario {

  /** The trace and parent span the first request carries in its traceparent. */
  public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  public static final String PARENT_ID = "00f067aa0ba902b7";

  public static void main(String[] args) throws Exception {
    Connection connection = DriverManager.getConnection("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100))");
      statement.execute("INSERT INTO orders VALUES (7, 'alice'), (8, 'bob')");
    }
    ExecutorService executor = Executors.newFixedThreadPool(2);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, connection));
    server.createContext("/filtered", exchange -> respond(exchange, 200, "filtered"))
        .getFilters()
        .add(new ServedByFilter());
    server.start();
    int port = server.getAddress().getPort();
    System.out.println("PORT " + port);
    try {
      print("orders", RawHttpClient.send(port, "GET", "/orders/7?token=abc&sig=secret-signature",
          "traceparent: 00-" + TRACE_ID + "-" + PARENT_ID + "-01",
          "baggage: user.id=u-42",
          "User-Agent: scenario-agent/1.0",
          "X-Forwarded-For: 203.0.113.9, 10.0.0.1",
          "X-Custom: hello",
          "Authorization: Bearer secret-token"));
      print("post", RawHttpClient.send(port, "POST", "/orders/8"));
      print("500", RawHttpClient.send(port, "GET", "/status/500"));
      print("404", RawHttpClient.send(port, "GET", "/status/404"));
      print("boom", RawHttpClient.send(port, "GET", "/boom"));
      print("filtered", RawHttpClient.send(port, "GET", "/filtered/x"));
    } finally {
      stop(server, executor);
      connection.close();
    }
  }

  /**
   * Stops the server and waits for its handler threads: a request's span ends when the handler
   * has returned, which can be just after the client read the answer.
   */
  static void stop(HttpServer server, ExecutorService executor) throws InterruptedException {
    server.stop(0);
    executor.shutdown();
    executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static void print(String label, RawHttpClient.Answer answer) {
    System.out.println(label + " " + answer.status());
  }

  private static void handle(HttpExchange exchange, Connection connection) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.startsWith("/orders/")) {
      respond(exchange, 200, customer(connection, Integer.parseInt(path.substring("/orders/".length()))));
    } else if (path.startsWith("/status/")) {
      respond(exchange, Integer.parseInt(path.substring("/status/".length())), "status");
    } else if (path.equals("/boom")) {
      throw new IllegalStateException("handler failed on purpose");
    } else {
      respond(exchange, 404, "not found");
    }
  }

  private static String customer(Connection connection, int id) {
    try (PreparedStatement query = connection.prepareStatement("SELECT customer FROM orders WHERE id = ?")) {
      query.setInt(1, id);
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? result.getString(1) : "none";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A user filter: the request still makes one span, with the filter's work inside it. */
  private static final class ServedByFilter extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      exchange.getResponseHeaders().add("X-Served-By", "filter");
      chain.doFilter(exchange);
    }

    @Override
    public String description() {
      return "adds X-Served-By";
    }
  }
}
