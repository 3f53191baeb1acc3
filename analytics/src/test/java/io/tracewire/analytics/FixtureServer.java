package io.tracewire.analytics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** A loopback HTTP server answering GETs from a function of the request URI, as a backend would. */
public final class FixtureServer implements AutoCloseable {

  /** An answer: status and body. */
  public record Answer(int status, byte[] body) {
    public static Answer json(String body) {
      return new Answer(200, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer resource(String path) {
      try (InputStream in = FixtureServer.class.getResourceAsStream("/" + path)) {
        if (in == null) {
          throw new IllegalArgumentException("no test resource " + path);
        }
        return new Answer(200, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public static Answer status(int status, String body) {
      return new Answer(status, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;

  private FixtureServer(HttpServer server) {
    this.server = server;
  }

  public static FixtureServer start(Function<URI, Answer> answers) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FixtureServer fixture = new FixtureServer(server);
      server.createContext("/", exchange -> {
        URI uri = exchange.getRequestURI();
        Answer answer;
        try {
          answer = answers.apply(uri);
        } catch (RuntimeException e) {
          answer = Answer.status(500, "fixture failed: " + e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      });
      server.start();
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers as {@code backend} would with the fixtures of {@code src/test/resources/<backend>/}:
   * its services, and the traces of the service named in the query.
   */
  public static FixtureServer serving(String backend) {
    return start(uri -> {
      String path = uri.getPath();
      String service = uri.getQuery() != null && uri.getQuery().contains("payments") ? "payments" : "orders";
      if (path.equals("/api/v2/services") || path.equals("/api/services")) {
        return Answer.resource(backend + "/services.json");
      }
      if (path.equals("/api/v2/traces") || path.equals("/api/traces")) {
        return Answer.resource(backend + "/traces-" + service + ".json");
      }
      return Answer.status(404, "no such path " + path);
    });
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
