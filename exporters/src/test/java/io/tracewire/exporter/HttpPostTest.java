package io.tracewire.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request to a collector that misbehaves is bounded in time and can be aborted. */
class HttpPostTest {

  private static final Map<String, List<String>> HEADERS =
      Map.of("Content-Type", List.of("application/x-protobuf"));
  /** Far more than the socket buffers hold, so writing it blocks when nobody reads. */
  private static final byte[] LARGE_BODY = new byte[32 * 1024 * 1024];

  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  @AfterEach
  void close() throws IOException {
    for (Socket socket : accepted) {
      socket.close();
    }
    server.close();
  }

  /** Accepts connections and hands each to {@code behaviour} on its own thread. */
  private URI collector(SocketBehaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket socket = server.accept();
                  accepted.add(socket);
                  Thread handler =
                      new Thread(
                          () -> {
                            try {
                              behaviour.handle(socket);
                            } catch (IOException | InterruptedException ignored) {
                              // The test is over.
                            }
                          });
                  handler.setDaemon(true);
                  handler.start();
                }
              } catch (IOException closed) {
                // The test is over.
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/traces");
  }

  private interface SocketBehaviour {
    void handle(Socket socket) throws IOException, InterruptedException;
  }

  @Test
  void aCollectorThatNeverReadsTimesOutAtTheDeadline() throws IOException {
    URI endpoint = collector(socket -> Thread.sleep(60_000));
    HttpPost post =
        new HttpPost(endpoint, Duration.ofMillis(500), Duration.ofMillis(500), new InFlightRequests());

    long start = System.nanoTime();
    SocketTimeoutException timeout =
        assertThrows(SocketTimeoutException.class, () -> post.send(LARGE_BODY, HEADERS, 0));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals("no complete answer within 1000 ms", timeout.getMessage());
    assertTrue(elapsedMillis >= 900 && elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
  }

  @Test
  void aCollectorThatTricklesItsAnswerTimesOutAtTheDeadline() throws IOException {
    URI endpoint =
        collector(
            socket -> {
              InputStream in = socket.getInputStream();
              in.readNBytes(64);
              OutputStream out = socket.getOutputStream();
              // Each byte comes well within the read timeout; the answer never ends.
              for (byte b : "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(100);
              }
              while (true) {
                out.write('z');
                out.flush();
                Thread.sleep(100);
              }
            });
    HttpPost post =
        new HttpPost(endpoint, Duration.ofMillis(500), Duration.ofMillis(500), new InFlightRequests());

    long start = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> post.send(new byte[10], HEADERS, 0));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
  }

  @Test
  void abortAllReturnsAtOnceAndFailsTheRequestOnTheWire() throws Exception {
    URI endpoint = collector(socket -> Thread.sleep(60_000));
    InFlightRequests requests = new InFlightRequests();
    HttpPost post = new HttpPost(endpoint, Duration.ofSeconds(30), Duration.ofSeconds(30), requests);
    CompletableFuture<Throwable> failure =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                post.send(LARGE_BODY, HEADERS, 0);
                return null;
              } catch (IOException e) {
                return e;
              }
            });
    while (accepted.isEmpty()) {
      Thread.sleep(10);
    }
    Thread.sleep(200);

    long start = System.nanoTime();
    requests.abortAll();
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100), "abortAll blocked");
    Throwable thrown = failure.get(5, TimeUnit.SECONDS);
    assertEquals("export aborted at shutdown", thrown.getMessage());
    IOException later = assertThrows(IOException.class, () -> post.send(new byte[1], HEADERS, 0));
    assertEquals("export aborted at shutdown", later.getMessage());
  }

  @Test
  void keptAliveConnectionsAreReusedAndAnswersRead() throws Exception {
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          byte[] request = exchange.getRequestBody().readAllBytes();
          byte[] answer = ("got " + request.length).getBytes(StandardCharsets.UTF_8);
          // Chunked (length 0) for one answer, fixed length for the others.
          exchange.sendResponseHeaders(request.length == 2 ? 200 : 400, request.length == 2 ? 0 : answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    collector.start();
    server = new ServerSocket(0);
    try {
      HttpPost post =
          new HttpPost(
              URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces"),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              new InFlightRequests());
      HttpPost.Response first = post.send(new byte[1], HEADERS, 0);
      HttpPost.Response chunked = post.send(new byte[2], HEADERS, 0);
      HttpPost.Response limited = post.send(new byte[3], HEADERS, 4);
      assertEquals(400, first.getStatusCode());
      assertEquals("got 1", new String(first.getResponseBody(), StandardCharsets.UTF_8));
      assertEquals(200, chunked.getStatusCode());
      assertEquals("got 2", new String(chunked.getResponseBody(), StandardCharsets.UTF_8));
      assertEquals("got ", new String(limited.getResponseBody(), StandardCharsets.UTF_8));
      assertEquals(1, clientPorts.size(), "connections: " + clientPorts);
    } finally {
      collector.stop(0);
    }
  }

  @Test
  void httpsChecksTheCollectorsCertificateAndHostName(@TempDir Path directory) throws Exception {
    Path keystore = directory.resolve("collector.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "collector", "-keyalg", "EC", "-dname", "CN=collector",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
            .redirectErrorStream(true)
            .start();
    assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keys.getKeyManagers(), null, null);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trust.getTrustManagers(), null);

    HttpsServer collector = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    collector.createContext(
        "/v1/traces",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    collector.start();
    server = new ServerSocket(0);
    try {
      int port = collector.getAddress().getPort();
      HttpPost trusted =
          new HttpPost(URI.create("https://127.0.0.1:" + port + "/v1/traces"), Duration.ofSeconds(5), Duration.ofSeconds(5), new InFlightRequests())
              .withSsl(clientContext.getSocketFactory());
      assertEquals(202, trusted.send(new byte[100], HEADERS, 0).getStatusCode());
      // The certificate names 127.0.0.1 only: "localhost" is another host.
      HttpPost wrongName =
          new HttpPost(URI.create("https://localhost:" + port + "/v1/traces"), Duration.ofSeconds(5), Duration.ofSeconds(5), new InFlightRequests())
              .withSsl(clientContext.getSocketFactory());
      assertThrows(SSLHandshakeException.class, () -> wrongName.send(new byte[1], HEADERS, 0));
      // Without trusting the certificate.
      HttpPost untrusted =
          new HttpPost(URI.create("https://127.0.0.1:" + port + "/v1/traces"), Duration.ofSeconds(5), Duration.ofSeconds(5), new InFlightRequests());
      assertThrows(SSLHandshakeException.class, () -> untrusted.send(new byte[1], HEADERS, 0));
    } finally {
      collector.stop(0);
    }
  }

  private final java.util.concurrent.BlockingQueue<String> requestHeads =
      new java.util.concurrent.LinkedBlockingQueue<>();

  /** Reads one request (head and body) and returns its head, or {@code null} at the end. */
  private String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    if (c < 0) {
      return null;
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
    requestHeads.add(head.toString());
    return head.toString();
  }

  @Test
  void interimAnswersAreSkipped() throws Exception {
    URI endpoint =
        collector(
            socket -> {
              InputStream in = socket.getInputStream();
              OutputStream out = socket.getOutputStream();
              int count = 0;
              while (readRequest(in) != null) {
                count++;
                out.write(
                    ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                            + "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nreq #" + count)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
              }
            });
    HttpPost post = new HttpPost(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(2), new InFlightRequests());
    for (int i = 1; i <= 3; i++) {
      HttpPost.Response response = post.send(new byte[10], HEADERS, 0);
      assertEquals(200, response.getStatusCode());
      assertEquals("req #" + i, new String(response.getResponseBody(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void aKeptAliveConnectionTheCollectorClosedIsReplacedWithoutLosingTheRequest() throws Exception {
    URI endpoint =
        collector(
            socket -> {
              readRequest(socket.getInputStream());
              socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
              socket.getOutputStream().flush();
              // An idle timeout shorter than the gap between exports.
              socket.close();
            });
    HttpPost post = new HttpPost(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(2), new InFlightRequests());
    assertEquals(200, post.send(new byte[10], HEADERS, 0).getStatusCode());
    for (int size : new int[] {10, 256 * 1024}) {
      Thread.sleep(200);
      assertEquals(200, post.send(new byte[size], HEADERS, 0).getStatusCode(), "body of " + size + " bytes");
    }
  }

  @Test
  void anIpv6LiteralIsWrittenOnceBracketedInTheHostHeader() throws Exception {
    InetAddress loopback6;
    try {
      loopback6 = InetAddress.getByName("::1");
      new ServerSocket(0, 1, loopback6).close();
    } catch (IOException noIpv6) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIpv6);
      return;
    }
    server = new ServerSocket(0, 50, loopback6);
    Thread handler =
        new Thread(
            () -> {
              try (Socket socket = server.accept()) {
                readRequest(socket.getInputStream());
                socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
              } catch (IOException ignored) {
                // The test is over.
              }
            });
    handler.setDaemon(true);
    handler.start();
    int port = server.getLocalPort();
    HttpPost post =
        new HttpPost(URI.create("http://[::1]:" + port + "/v1/traces"), Duration.ofSeconds(2), Duration.ofSeconds(2), new InFlightRequests());
    assertEquals(204, post.send(new byte[1], HEADERS, 0).getStatusCode());
    assertTrue(requestHeads.take().contains("\r\nHost: [::1]:" + port + "\r\n"));
  }
}
