package io.tracewire.testing.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ServicesTest {

  @Test
  void probeReportsAClosedPort() throws IOException {
    Optional<String> problem = Services.probe("127.0.0.1", Services.closedPort(), Duration.ofSeconds(1));
    assertTrue(problem.isPresent());
    assertTrue(problem.get().startsWith("ConnectException"), problem.get());
  }

  @Test
  void probeAcceptsAListeningPort() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertEquals(Optional.empty(), Services.probe("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(1)));
    }
  }

  @Test
  void reachableServiceNeitherFailsNorSkips() {
    assertDoesNotThrow(() -> Services.decide("PostgreSQL", "127.0.0.1:5432", Optional.empty(), true, "SomeTest.query"));
    assertDoesNotThrow(() -> Services.decide("PostgreSQL", "127.0.0.1:5432", Optional.empty(), false, "SomeTest.query"));
  }

  @Test
  void unreachableServiceFailsWhenRequired() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> Services.decide("PostgreSQL", "127.0.0.1:5432", Optional.of("ConnectException: Connection refused"), true,
            "SomeTest.query"));
    assertEquals("PostgreSQL is required (tracewire.require-services=true) but 127.0.0.1:5432 is unreachable: "
        + "ConnectException: Connection refused", error.getMessage());
  }

  @Test
  void unreachableServiceSkipsWithAOneLineReasonOtherwise() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    TestAbortedException aborted;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      aborted = assertThrows(TestAbortedException.class,
          () -> Services.decide("MariaDB", "127.0.0.1:3306", Optional.of("ConnectException: Connection refused"), false,
              "SomeTest.query"));
    } finally {
      System.setOut(original);
    }
    String expected = "SomeTest.query — MariaDB not reachable at 127.0.0.1:3306 (ConnectException: Connection refused)";
    assertEquals(expected, aborted.getMessage().replaceFirst("^Assumption failed: ", ""));
    assertEquals("SKIPPED: " + expected + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void closedPortFailsWhenRequired() throws IOException {
    int port = Services.closedPort();
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> Services.check("PostgreSQL", "127.0.0.1", port, true));
    assertTrue(error.getMessage().startsWith("PostgreSQL is required (tracewire.require-services=true) but 127.0.0.1:"
        + port + " is unreachable: ConnectException"), error.getMessage());
  }

  @Test
  void closedPortSkipsWhenNotRequired() throws IOException {
    int port = Services.closedPort();
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThrows(TestAbortedException.class, () -> Services.check("RabbitMQ", "127.0.0.1", port, false));
    } finally {
      System.setOut(original);
    }
    assertTrue(captured.toString(StandardCharsets.UTF_8).startsWith(
        "SKIPPED: ServicesTest.closedPortSkipsWhenNotRequired — RabbitMQ not reachable at 127.0.0.1:" + port + " (ConnectException"), captured::toString);
  }

  @Test
  void servicesHaveTheirStandardAddresses() {
    assertEquals("127.0.0.1:5432", Service.POSTGRESQL.address());
    assertEquals("127.0.0.1:3306", Service.MARIADB.address());
    assertEquals("127.0.0.1:5672", Service.RABBITMQ.address());
  }

  // A port that was free a moment ago; nothing listens on it.
}
