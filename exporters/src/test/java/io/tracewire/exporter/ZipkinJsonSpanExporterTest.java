package io.tracewire.exporter;

import static io.tracewire.exporter.MiniJson.array;
import static io.tracewire.exporter.MiniJson.object;
import static io.tracewire.exporter.Spans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZipkinJsonSpanExporterTest {

  private static final List<SpanData> SPANS =
      List.of(
          span("00000000000000b1", "00000000000000a1", "SELECT orders", 1000, 1400)
              .setKind(SpanKind.CLIENT)
              .build(),
          span("00000000000000a1", null, "checkout", 0, 5000).build());

  private final BlockingQueue<Map<String, String>> requests = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int status = 202;
  private volatile boolean hang;
  private HttpServer server;
  private URI endpoint;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/api/v2/spans",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            requests.add(
                Map.of(
                    "method", exchange.getRequestMethod(),
                    "contentType",
                        String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "body", new String(body.readAllBytes(), StandardCharsets.UTF_8)));
          }
          if (hang) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans");
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void postsZipkinJsonAndSucceedsOn2xx() throws Exception {
    AtomicInteger scoped = new AtomicInteger();
    ZipkinJsonSpanExporter exporter =
        new ZipkinJsonSpanExporter(
            endpoint.toString(),
            Duration.ofSeconds(5),
            send ->
                () -> {
                  scoped.incrementAndGet();
                  send.run();
                },
            new InFlightRequests());

    CompletableResultCode result = exporter.export(SPANS).join(10, TimeUnit.SECONDS);

    assertTrue(result.isSuccess());
    assertEquals(1, scoped.get(), "the request is started inside the export scope");
    Map<String, String> request = requests.poll(1, TimeUnit.SECONDS);
    assertNotNull(request);
    assertEquals("POST", request.get("method"));
    assertEquals("application/json", request.get("contentType"));
    List<Object> spans = array(MiniJson.parse(request.get("body")));
    assertEquals(2, spans.size());
    Map<String, Object> client = object(spans.get(0));
    assertEquals(Spans.TRACE_ID, client.get("traceId"));
    assertEquals("00000000000000b1", client.get("id"));
    assertEquals("00000000000000a1", client.get("parentId"));
    assertEquals("CLIENT", client.get("kind"));
    assertEquals(Map.of("serviceName", "demo-shop"), client.get("localEndpoint"));
    assertFalse(object(spans.get(1)).containsKey("kind"));
  }

  @Test
  void failsOnAServerError() {
    status = 500;
    ZipkinJsonSpanExporter exporter = new ZipkinJsonSpanExporter(endpoint, Duration.ofSeconds(5));

    CompletableResultCode result = exporter.export(SPANS).join(10, TimeUnit.SECONDS);

    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
    assertTrue(String.valueOf(result.getFailureThrowable()).contains("500"));
  }

  @Test
  void failsFastWhenTheConnectionIsRefused() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }
    ZipkinJsonSpanExporter exporter =
        new ZipkinJsonSpanExporter(
            URI.create("http://127.0.0.1:" + freePort + "/api/v2/spans"), Duration.ofSeconds(30));

    long start = System.nanoTime();
    CompletableResultCode result = exporter.export(SPANS).join(10, TimeUnit.SECONDS);

    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
    assertTrue(result.getFailureThrowable() instanceof ConnectException);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void failsOnceTheTimeoutHasPassedWithoutBlockingTheCaller() {
    hang = true;
    ZipkinJsonSpanExporter exporter = new ZipkinJsonSpanExporter(endpoint, Duration.ofMillis(300));

    long start = System.nanoTime();
    CompletableResultCode result = exporter.export(SPANS);
    assertTrue(
        System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(250), "export returns at once");
    result.join(5, TimeUnit.SECONDS);

    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
    assertNotNull(result.getFailureThrowable());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
  }

  @Test
  void flushAndShutdownWaitForExportsInFlight() {
    hang = true;
    ZipkinJsonSpanExporter exporter = new ZipkinJsonSpanExporter(endpoint, Duration.ofSeconds(5));
    CompletableResultCode result = exporter.export(SPANS);
    CompletableResultCode flush = exporter.flush();
    CompletableResultCode shutdown = exporter.shutdown();
    assertFalse(flush.isDone());
    assertFalse(shutdown.isDone());

    release.countDown();

    assertTrue(result.join(5, TimeUnit.SECONDS).isSuccess());
    assertTrue(flush.join(5, TimeUnit.SECONDS).isSuccess());
    assertTrue(shutdown.join(5, TimeUnit.SECONDS).isSuccess());
  }

  @Test
  void failsImmediatelyAfterShutdown() throws InterruptedException {
    ZipkinJsonSpanExporter exporter = new ZipkinJsonSpanExporter(endpoint, Duration.ofSeconds(5));
    assertTrue(exporter.shutdown().join(5, TimeUnit.SECONDS).isSuccess());

    CompletableResultCode result = exporter.export(SPANS);

    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
    assertEquals(null, requests.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void neverThrowsFromExport() {
    ZipkinJsonSpanExporter exporter =
        new ZipkinJsonSpanExporter(
            endpoint,
            Duration.ofSeconds(5),
            send ->
                () -> {
                  throw new IllegalStateException("scope broke");
                },
            new InFlightRequests());

    CompletableResultCode result = exporter.export(SPANS).join(5, TimeUnit.SECONDS);

    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
  }

  @Test
  void abortingInFlightRequestsFailsTheExportAtOnce() throws InterruptedException {
    hang = true;
    InFlightRequests requestsOnTheWire = new InFlightRequests();
    ZipkinJsonSpanExporter exporter =
        new ZipkinJsonSpanExporter(endpoint, Duration.ofSeconds(30), UnaryOperator.identity(), requestsOnTheWire);

    CompletableResultCode result = exporter.export(SPANS);
    assertNotNull(requests.poll(5, TimeUnit.SECONDS), "the request reached the collector");
    long start = System.nanoTime();
    requestsOnTheWire.abortAll();
    result.join(5, TimeUnit.SECONDS);

    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
    assertEquals("export aborted at shutdown", result.getFailureThrowable().getMessage());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "aborted promptly");
    assertFalse(exporter.export(SPANS).join(5, TimeUnit.SECONDS).isSuccess(), "later exports fail");
  }

  @Test
  void rejectsBadConfiguration() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ZipkinJsonSpanExporter(URI.create("ftp://zipkin/api"), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new ZipkinJsonSpanExporter(endpoint, Duration.ZERO));
    assertEquals(
        URI.create("http://localhost:9411/api/v2/spans"), ZipkinJsonSpanExporter.DEFAULT_ENDPOINT);
  }
}
