package io.tracewire.testing.scenarios;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Two services in two JVMs, both JDK {@code HttpServer}s:
 *
 * <ul>
 *   <li>{@code back <port file>}: serves {@code /customers/{id}} from H2, writes its port to the
 *       file once listening, prints the {@code traceparent} it received ({@code RECEIVED ...}) and
 *       exits after one request;
 *   <li>{@code front <back port>}: sends itself {@code /orders/{id}} with a traceparent; its
 *       handler calls the back service with {@code HttpURLConnection}, whose instrumentation
 *       propagates the trace.
 * </ul>
 */
public final class FrontBackScenario {

  public static final String TRACE_ID = "7af7651916cd43dd8448eb211c80319c";
  public static final String PARENT_ID = "d7ad6b7169203331";

  public static void main(String[] args) throws Exception {
    if (args[0].equals("back")) {
      back(Path.of(args[1]));
    } else {
      front(Integer.parseInt(args[1]));
    }
  }

  private static void back(Path portFile) throws Exception {
    Connection connection = DriverManager.getConnection("jdbc:h2:mem:customers;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100))");
      statement.execute("INSERT INTO customers VALUES (7, 'alice')");
    }
    CountDownLatch served = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/customers/", exchange -> {
      try {
        System.out.println("RECEIVED " + exchange.getRequestHeaders().getFirst("traceparent"));
        JdkHttpServerScenario.respond(exchange, 200, customer(connection, exchange));
      } finally {
        served.countDown();
      }
    });
    server.start();
    Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
        String.valueOf(server.getAddress().getPort()));
    Files.move(written, portFile);
    boolean done = served.await(60, TimeUnit.SECONDS);
    JdkHttpServerScenario.stop(server, executor);
    connection.close();
    if (!done) {
      throw new IllegalStateException("no request arrived");
    }
  }

  private static String customer(Connection connection, HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    try (PreparedStatement query = connection.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
      query.setInt(1, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? result.getString(1) : "none";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void front(int backPort) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/orders/", exchange -> {
      String customer = callBack(backPort);
      JdkHttpServerScenario.respond(exchange, 200, "order for " + customer);
    });
    server.start();
    int port = server.getAddress().getPort();
    RawHttpClient.Answer answer =
        RawHttpClient.send(port, "GET", "/orders/1", "traceparent: 00-" + TRACE_ID + "-" + PARENT_ID + "-01");
    System.out.println("front " + answer.status() + " " + answer.body());
    JdkHttpServerScenario.stop(server, executor);
  }

  /** {@code GET /customers/7} on the back service. */
  private static String callBack(int backPort) throws IOException {
    HttpURLConnection call =
        (HttpURLConnection) new URL("http://127.0.0.1:" + backPort + "/customers/7").openConnection();
    try (InputStream body = call.getInputStream()) {
      return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      call.disconnect();
    }
  }
}
