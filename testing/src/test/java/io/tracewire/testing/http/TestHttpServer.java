package io.tracewire.testing.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP server on loopback for the HTTP client and server tests, in the test JVM or in a
 * child JVM ({@link #main}). It serves:
 *
 * <ul>
 *   <li>{@code /ok}: 200 with the body {@code ok};
 *   <li>{@code /status/{code}}: that status, with the code as the body;
 *   <li>{@code /slow?ms=N}: 200 after N milliseconds (at most 60 s), for timeouts;
 *   <li>{@code /echo-headers}: 200 with the request headers it saw, one {@code name: value} line
 *       each, names in lower case and sorted;
 *   <li>anything else: 404.
 * </ul>
 *
 * Every request is recorded with its headers, so a test can check what a client really sent
 * (a {@code traceparent} that names the client span, for one).
 */
public final class TestHttpServer implements AutoCloseable {

  /** One request as the server received it. Header names are in lower case. */
  public record Request(String method, String path, String query, Map<String, List<String>> headers) {

    /** The first value of {@code name}, or {@code null}. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private static final long MAX_SLOW_MS = 60_000;

  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private TestHttpServer(HttpServer server, String scheme, int threads) {
    this.server = server;
    this.scheme = scheme;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "test-http-server-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A plain HTTP server on a free loopback port, with a pool of 8 handler threads. */
  public static TestHttpServer start() {
    return start(0, 8);
  }

  /** A plain HTTP server on {@code port} (0: a free one) with {@code threads} handler threads. */
  public static TestHttpServer start(int port, int threads) {
    try {
      return new TestHttpServer(HttpServer.create(loopback(port), 64), "http", threads);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the test HTTP server", e);
    }
  }

  /**
   * An HTTPS server on a free loopback port, with a self-signed certificate for {@code localhost}
   * made now by {@code keytool}. Clients must trust it: see {@link SelfSignedCertificate#clientContext()}.
   */
  public static TestHttpServer startHttps(SelfSignedCertificate certificate) {
    try {
      HttpsServer server = HttpsServer.create(loopback(0), 64);
      server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
      return new TestHttpServer(server, "https", 8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the test HTTPS server", e);
    }
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>} (or https), without a trailing slash. */
  public String baseUrl() {
    return scheme + "://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
  }

  /** {@code baseUrl() + path}. */
  public String url(String path) {
    return baseUrl() + path;
  }

  /** Every request received so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Waits until at least {@code count} requests arrived; returns them all. */
  public List<Request> awaitRequests(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " requests, got " + requests);
      }
      sleep(10);
    }
    return requests();
  }

  /** The last request received whose path is {@code path}. */
  public Request lastRequest(String path) {
    List<Request> all = requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).path().equals(path)) {
        return all.get(i);
      }
    }
    throw new AssertionError("no request for " + path + " among " + all);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      requests.add(new Request(exchange.getRequestMethod(), path, query, Map.copyOf(headers)));
      drain(exchange.getRequestBody());
      if (path.equals("/ok")) {
        respond(exchange, 200, "ok");
      } else if (path.startsWith("/status/")) {
        int code = parseInt(path.substring("/status/".length()), 400);
        respond(exchange, code < 100 || code > 599 ? 400 : code, String.valueOf(code));
      } else if (path.equals("/slow")) {
        sleep(Math.min(MAX_SLOW_MS, Math.max(0, parseInt(parameter(query, "ms"), 1000))));
        respond(exchange, 200, "slow");
      } else if (path.equals("/echo-headers")) {
        StringBuilder body = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(v -> body.append(name).append(": ").append(v).append('\n')));
        respond(exchange, 200, body.toString());
      } else {
        respond(exchange, 404, "not found");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean noBody = status == 204 || status == 304 || status < 200 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    while (body.read(buffer) >= 0) {
      // discard: only the headers are recorded
    }
  }

  private static String parameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static int parseInt(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the server in a child JVM: {@code [port] [threads]} (defaults: a free port, 8). Prints
   * {@code LISTENING <port>} once ready, and stops when standard input closes.
   */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    try (TestHttpServer server = start(port, threads)) {
      System.out.println("LISTENING " + server.port());
      System.out.flush();
      drain(System.in);
    }
  }

  /** A key pair and self-signed certificate for {@code localhost} and 127.0.0.1, made by keytool. */
  public static final class SelfSignedCertificate {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final KeyStore keyStore;

    private SelfSignedCertificate(KeyStore keyStore) {
      this.keyStore = keyStore;
    }

    /** Runs the JDK's keytool once (about a second); reuse the result within a test class. */
    public static SelfSignedCertificate generate() {
      try {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tracewire-tls");
        java.nio.file.Path file = dir.resolve("server.p12");
        String keytool =
            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command =
            new ArrayList<>(
                List.of(
                    keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
          keyStore.load(in, PASSWORD);
        }
        java.nio.file.Files.delete(file);
        java.nio.file.Files.delete(dir);
        return new SelfSignedCertificate(keyStore);
      } catch (Exception e) {
        throw new IllegalStateException("cannot make a self-signed certificate", e);
      }
    }

    /** A server context with this key and certificate (also for servers other than this one). */
    public SSLContext serverContext() {
      try {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Writes a PKCS12 trust store (password {@code changeit}) holding only this certificate, for
     * a child JVM's {@code -Djavax.net.ssl.trustStore=...}.
     */
    public java.nio.file.Path writeTrustStore(java.nio.file.Path file) {
      try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
        trustStore().store(out, PASSWORD);
        return file;
      } catch (Exception e) {
        throw new IllegalStateException("cannot write the trust store " + file, e);
      }
    }

    private KeyStore trustStore() throws Exception {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("server", keyStore.getCertificate("server"));
      return trusted;
    }

    /** A client context that trusts only this certificate. */
    public SSLContext clientContext() {
      try {
        KeyStore trusted = trustStore();
        javax.net.ssl.TrustManagerFactory trust =
            javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
