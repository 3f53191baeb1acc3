package io.tracewire.testing.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Assertions;

/**
 * Guards tests that need an external service: on a developer machine without it they are skipped, in CI
 * ({@code -Dtracewire.require-services=true}) they fail.
 */
public final class Services {

  /** The system property that turns "skip when unreachable" into "fail when unreachable". */
  public static final String REQUIRE_PROPERTY = "tracewire.require-services";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  private Services() {}

  /**
   * Returns normally when the service accepts a TCP connection within 1 s. Otherwise fails the test when
   * {@code tracewire.require-services=true}, else prints a one-line {@code SKIPPED: ...} reason to stdout and
   * aborts the test, so it is reported as skipped.
   */
  public static void require(Service service) {
    check(service.displayName(), service.host(), service.port(), Boolean.getBoolean(REQUIRE_PROPERTY));
  }

  /** Whether the service accepts a TCP connection within 1 s, without failing or skipping anything. */
  public static boolean isReachable(Service service) {
    return probe(service.host(), service.port(), CONNECT_TIMEOUT).isEmpty();
  }

  /**
   * Tries a TCP connection.
   *
   * @return empty when it succeeded, else why it did not
   */
  static Optional<String> probe(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return Optional.empty();
    } catch (IOException e) {
      String message = e.getMessage();
      return Optional.of(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
  }

  /** {@link #require} against any address, with the requirement given rather than read from a system property. */
  static void check(String displayName, String host, int port, boolean required) {
    decide(displayName, host + ":" + port, probe(host, port, CONNECT_TIMEOUT), required, callerName());
  }

  /**
   * The skip-or-fail decision, apart from the network so it can be tested: returns when {@code problem} is
   * empty, fails when {@code required}, else reports and aborts.
   */
  static void decide(String displayName, String address, Optional<String> problem, boolean required, String testName) {
    if (problem.isEmpty()) {
      return;
    }
    if (required) {
      Assertions.fail(displayName + " is required (" + REQUIRE_PROPERTY + "=true) but " + address + " is unreachable: "
          + problem.get());
    }
    String reason = testName + " — " + displayName + " not reachable at " + address + " (" + problem.get() + ")";
    System.out.println("SKIPPED: " + reason);
    Assumptions.abort(reason);
  }

  // The test that asked, for the skip line: the first frame outside this class.
  private static String callerName() {
    return StackWalker.getInstance()
        .walk(frames -> frames.filter(frame -> !frame.getClassName().equals(Services.class.getName())).findFirst())
        .map(frame -> simpleName(frame.getClassName()) + "." + enclosingMethod(frame.getMethodName()))
        .orElse("test");
  }

  // javac names a lambda body lambda$<enclosing method>$<n>; the enclosing method is the test.
  private static String enclosingMethod(String methodName) {
    if (methodName.startsWith("lambda$")) {
      int end = methodName.indexOf('$', "lambda$".length());
      return end < 0 ? methodName : methodName.substring("lambda$".length(), end);
    }
    return methodName;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** A loopback port nothing listens on (it was free a moment ago): connections are refused. */
  public static int closedPort() {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return server.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
