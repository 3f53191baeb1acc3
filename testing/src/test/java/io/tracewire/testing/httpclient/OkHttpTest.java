package io.tracewire.testing.httpclient;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.OkHttpScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** OkHttp 4 (on the test classpath) and 5 (from jars the build copies), {@code execute} and {@code enqueue}. */
class OkHttpTest {

  static final HttpClientSpans.Client CLIENT = new HttpClientSpans.Client(
      OkHttpScenario.class, "io.tracewire.okhttp", "java.net.ConnectException",
      "java.net.SocketTimeoutException", true, true, true);

  @JdkMatrix
  void okHttp4(Jdk jdk) {
    RunResult result = HttpClientSpans.runStandardSequence(CLIENT, jdk, run -> run);
    assertTrue(result.stdout().contains("okhttp 4."), result.stdout());
    assertTrue(result.stdout().contains("interceptors=1\n"), result.stdout());
  }

  @JdkMatrix
  void okHttp5(Jdk jdk) {
    RunResult result = HttpClientSpans.runStandardSequence(CLIENT, jdk,
        run -> run.classpath(okHttp5Jars()));
    assertTrue(result.stdout().contains("okhttp 5."), result.stdout());
    assertTrue(result.stdout().contains("interceptors=1\n"), result.stdout());
  }

  /** OkHttp 5 with its okio and Kotlin: the child runs on these alone (and the test classes). */
  private static List<String> okHttp5Jars() {
    Path dir = Path.of(System.getProperty("tracewire.test.okhttp5.jars", "target/okhttp5"));
    try (Stream<Path> jars = Files.list(dir)) {
      List<String> found = jars.map(Path::toString).filter(jar -> jar.endsWith(".jar")).sorted()
          .collect(Collectors.toList());
      assertTrue(found.size() >= 3, "OkHttp 5 jars missing in " + dir + ": run the tests with Maven");
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
