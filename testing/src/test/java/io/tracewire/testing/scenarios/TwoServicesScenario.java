package io.tracewire.testing.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two services, each its own JVM: {@code orders} places orders and charges them at {@code payments}
 * over a loopback socket (one line per call: the order number and the headers). The test extension's
 * remote-call instrumentation gives {@code PaymentsClient.charge} a CLIENT span and
 * {@code PaymentsServer.handle} a SERVER span parented across the JVMs; the tests trace the
 * {@code Shop} and {@code Payments} methods by configuration.
 *
 * <p>What happens, by design:
 * <ul>
 *   <li>orders: {@link #ORDERS} orders; order 7 fails at once ("unknown item"), order 3 is declined by
 *       payments ("payment declined"); then {@link #REPORTS} exports of 300 ms, the slowest operation.
 *   <li>payments: one charge per order 0 to 6; order 3 fails ("card declined").
 * </ul>
 *
 * <p>Arguments: {@code payments <port file>} serves until orders says stop;
 * {@code orders <port file>} waits for that file, then runs.
 */
public final class TwoServicesScenario {

  public static final int ORDERS = 8;
  public static final int REPORTS = 2;
  public static final int UNKNOWN_ITEM = 7;
  public static final int DECLINED = 3;
  public static final long REPORT_MILLIS = 300;

  public static void main(String[] args) throws Exception {
    Path portFile = Path.of(args[1]);
    if (args[0].equals("payments")) {
      PaymentsServer.serve(portFile);
    } else {
      runOrders(portFile);
    }
  }

  private static void runOrders(Path portFile) throws Exception {
    PaymentsClient client = new PaymentsClient(awaitPort(portFile));
    Shop shop = new Shop(client);
    for (int order = 0; order < ORDERS; order++) {
      try {
        shop.placeOrder(order);
        System.out.println("order " + order + " placed");
      } catch (RuntimeException expected) {
        System.out.println("order " + order + " failed: " + expected.getMessage());
      }
    }
    for (int i = 0; i < REPORTS; i++) {
      shop.exportReport();
    }
    client.stop();
  }

  private static int awaitPort(Path portFile) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(portFile)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("payments did not write " + portFile + " within 60 s");
      }
      Thread.sleep(20);
    }
    return Integer.parseInt(Files.readString(portFile).trim());
  }

  /** The orders service's application code. */
  public static final class Shop {
    private final PaymentsClient payments;

    Shop(PaymentsClient payments) {
      this.payments = payments;
    }

    public void placeOrder(int order) throws IOException {
      if (order == UNKNOWN_ITEM) {
        throw new IllegalArgumentException("unknown item");
      }
      String reply = payments.charge(new LinkedHashMap<>(), order);
      if (!reply.equals("ok")) {
        throw new IllegalStateException("payment declined");
      }
    }

    public void exportReport() throws InterruptedException {
      Thread.sleep(REPORT_MILLIS);
    }
  }

  /** Sends one charge per connection: {@code order<TAB>key=value<TAB>...}, answered by one line. */
  public static final class PaymentsClient {
    private final int port;

    PaymentsClient(int port) {
      this.port = port;
    }

    public String charge(Map<String, String> headers, int order) throws IOException {
      StringBuilder line = new StringBuilder(String.valueOf(order));
      headers.forEach((key, value) -> line.append('\t').append(key).append('=').append(value));
      return exchange(line.toString());
    }

    void stop() throws IOException {
      exchange("stop");
    }

    private String exchange(String line) throws IOException {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
          PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
        out.println(line);
        return in.readLine();
      }
    }
  }

  /** The payments service's endpoint. */
  public static final class PaymentsServer {
    private final Payments payments = new Payments();

    static void serve(Path portFile) throws Exception {
      PaymentsServer server = new PaymentsServer();
      try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, String.valueOf(socket.getLocalPort()));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
        while (true) {
          try (Socket connection = socket.accept();
              BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
              PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || line.equals("stop")) {
              out.println("bye");
              return;
            }
            String[] fields = line.split("\t");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < fields.length; i++) {
              int equals = fields[i].indexOf('=');
              headers.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
            }
            String reply;
            try {
              reply = server.handle(headers, Integer.parseInt(fields[0]));
            } catch (IllegalStateException declined) {
              reply = "declined";
            }
            out.println(reply);
          }
        }
      }
    }

    public String handle(Map<String, String> headers, int order) throws InterruptedException {
      payments.authorize(order);
      return "ok";
    }
  }

  /** The payments service's application code. */
  public static final class Payments {
    public void authorize(int order) throws InterruptedException {
      Thread.sleep(5);
      if (order == DECLINED) {
        throw new IllegalStateException("card declined");
      }
    }
  }
}
