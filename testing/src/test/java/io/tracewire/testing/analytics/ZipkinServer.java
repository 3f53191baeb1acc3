package io.tracewire.testing.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} executable jar that the build copies into
 * {@code target/zipkin}) on a free loopback port with in-memory storage, for as long as the test needs it.
 */
final class ZipkinServer implements AutoCloseable {

  static final String JAR_PROPERTY = "tracewire.zipkin.server.jar";
  // Zipkin takes 5-20 s to start on a loaded two-core machine.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final URI uri;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ZipkinServer(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  static ZipkinServer start(Path workDir) {
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/zipkin/zipkin-server.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionFailedError("The Zipkin server jar does not exist at " + jar
          + ": run the tests with Maven, whose generate-test-resources phase copies it");
    }
    int port = freePort();
    Path log = workDir.resolve("zipkin.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port, "--armeria.ports[0].protocols[0]=http",
        "--zipkin.storage.type=mem", "--zipkin.ui.enabled=false", "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_") || name.endsWith("JAVA_OPTIONS")
        || name.equals("JAVA_TOOL_OPTIONS"));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Zipkin server", e);
    }
    ZipkinServer server = new ZipkinServer(process, URI.create("http://127.0.0.1:" + port), log);
    server.awaitHealthy();
    return server;
  }

  URI uri() {
    return uri;
  }

  /** The endpoint the agent's {@code zipkin} exporter posts to. */
  String spansEndpoint() {
    return uri + "/api/v2/spans";
  }

  /** GETs a path and returns the body, or {@code null} when the server does not answer 200. */
  String get(String path) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionFailedError("The Zipkin server exited with " + process.exitValue() + "\n" + logText());
      }
      String health = get("/health");
      if (health != null && health.contains("\"UP\"")) {
        return;
      }
      sleep(250);
    }
    close();
    throw new AssertionFailedError("The Zipkin server was not healthy within " + START_TIMEOUT + "\n" + logText());
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
