package io.tracewire.testing.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.opentest4j.AssertionFailedError;

/**
 * A minimal OTLP/HTTP collector on {@code 127.0.0.1} with an ephemeral port. It accepts
 * {@code POST /v1/traces} with {@code Content-Type: application/x-protobuf} (gzip-compressed or not),
 * decodes the {@code ExportTraceServiceRequest} into {@link ReceivedSpan}s and answers 200 with an empty
 * {@code ExportTraceServiceResponse}. {@code /v1/metrics} and {@code /v1/logs} are answered 200 and only
 * recorded, so an exporter that also sends those does not log errors. Every request is recorded as a
 * {@link ReceivedRequest}.
 *
 * <p>Thread-safe. Recorded data stays readable after {@link #close()}.
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final String TRACES = "/v1/traces";
  private static final Set<String> PATHS = Set.of(TRACES, "/v1/metrics", "/v1/logs");
  private static final String PROTOBUF = "application/x-protobuf";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Object lock = new Object();
  // Guarded by lock.
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private int inFlight;
  private long lastActivityNanos = System.nanoTime();
  private volatile int forcedStatus = 200;

  private OtlpReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a receiver on {@code 127.0.0.1} and an ephemeral port. */
  public static OtlpReceiver start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the OTLP receiver", e);
    }
    return serve(server);
  }

  /**
   * Starts a receiver that speaks HTTPS with {@code tls}; with {@code needClientCertificate} it
   * accepts only clients whose certificate {@code tls} trusts (mutual TLS). Its {@link #endpoint}
   * is then an {@code https://} URL.
   */
  public static OtlpReceiver startTls(SSLContext tls, boolean needClientCertificate) {
    HttpsServer server;
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the OTLP receiver", e);
    }
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters parameters) {
            SSLParameters ssl = tls.getDefaultSSLParameters();
            ssl.setNeedClientAuth(needClientCertificate);
            parameters.setSSLParameters(ssl);
          }
        });
    return serve(server);
  }

  private static OtlpReceiver serve(HttpServer server) {
    int id = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "otlp-receiver-" + id + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    OtlpReceiver receiver = new OtlpReceiver(server, executor);
    server.createContext("/", receiver::handle);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /** The base URL to give an OTLP/HTTP exporter, {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
  }

  /** The listening port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Answers every later request with this HTTP status instead of accepting it, to simulate a failing
   * collector; spans of refused requests are not recorded (the requests are). {@code 200} restores
   * normal behaviour.
   */
  public void respondWith(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    forcedStatus = status;
  }

  /** A snapshot of every span accepted so far, in arrival order. */
  public Spans spans() {
    synchronized (lock) {
      return new Spans(spans);
    }
  }

  /** How many spans were accepted so far. */
  public int spanCount() {
    synchronized (lock) {
      return spans.size();
    }
  }

  /** A snapshot of every request answered so far, in arrival order. */
  public List<ReceivedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  /** Requests the receiver could not accept (wrong content type, undecodable body, ...), described. */
  public List<String> errors() {
    synchronized (lock) {
      return List.copyOf(errors);
    }
  }

  /**
   * Waits until at least {@code atLeast} spans have been accepted.
   *
   * @return a snapshot of the spans accepted by then
   * @throws AssertionFailedError when fewer arrived within {@code timeout}; the message lists what did
   */
  public Spans awaitSpans(int atLeast, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (spans.size() < atLeast) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionFailedError("Expected at least " + atLeast + " spans within " + timeout + " but received "
              + spans.size() + " (requests: " + requests.size() + ", errors: " + errors + ")\n" + new Spans(spans).dump());
        }
        waitNanos(left);
      }
      return new Spans(spans);
    }
  }

  /**
   * Waits until no request is being handled and none has started for {@code quiet}, or until
   * {@code max} has passed.
   *
   * @return whether the receiver became idle in time
   */
  public boolean awaitIdle(Duration quiet, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (lock) {
      while (true) {
        long now = System.nanoTime();
        long quietLeft = lastActivityNanos + quiet.toNanos() - now;
        if (inFlight == 0 && quietLeft <= 0) {
          return true;
        }
        long left = deadline - now;
        if (left <= 0) {
          return false;
        }
        waitNanos(inFlight == 0 ? Math.min(left, quietLeft) : left);
      }
    }
  }

  /** Stops listening. Recorded spans and requests remain available. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    synchronized (lock) {
      inFlight++;
      lastActivityNanos = System.nanoTime();
    }
    try {
      answer(exchange);
    } finally {
      exchange.close();
      synchronized (lock) {
        inFlight--;
        lastActivityNanos = System.nanoTime();
        lock.notifyAll();
      }
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");

    int status = 200;
    String error = null;
    List<ReceivedSpan> decoded = List.of();
    if (!PATHS.contains(path)) {
      status = 404;
      error = method + " " + path + ": unknown path";
    } else if (!method.equals("POST")) {
      status = 405;
      error = method + " " + path + ": only POST is accepted";
    } else if (forcedStatus != 200) {
      status = forcedStatus;
    } else if (!PROTOBUF.equals(mediaType(contentType))) {
      status = 415;
      error = method + " " + path + ": Content-Type " + contentType + " is not " + PROTOBUF;
    } else if (path.equals(TRACES)) {
      try {
        decoded = OtlpDecoder.decode(ExportTraceServiceRequest.parseFrom(gzip ? gunzip(raw) : raw));
      } catch (IOException | RuntimeException e) {
        status = 400;
        error = method + " " + path + ": cannot decode the body (" + raw.length + " bytes, gzip=" + gzip + "): " + e;
      }
    }

    // Record before answering, so a client that got its response sees its spans here.
    synchronized (lock) {
      requests.add(new ReceivedRequest(method, path, exchange.getRequestHeaders(), raw.length, gzip, status, decoded.size()));
      spans.addAll(decoded);
      if (error != null) {
        errors.add(error);
      }
      lock.notifyAll();
    }

    if (status == 200) {
      exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
      byte[] body = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    } else {
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static byte[] gunzip(byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private void waitNanos(long nanos) {
    try {
      long millis = Math.max(1, nanos / 1_000_000);
      lock.wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for OTLP requests", e);
    }
  }
}
