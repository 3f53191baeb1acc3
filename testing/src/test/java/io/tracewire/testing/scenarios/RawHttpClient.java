package io.tracewire.testing.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 requests written by hand on a plain socket, for the server scenarios: the request
 * carries exactly the headers the scenario chose, and no HTTP client instrumentation can add a
 * span or a header of its own.
 */
public final class RawHttpClient {

  private RawHttpClient() {}

  /** One answered request: its status ({@code -1} when the server closed without answering) and body. */
  public record Answer(int status, String body) {}

  /**
   * Sends {@code method target} to 127.0.0.1:{@code port} with {@code Host}, {@code Connection:
   * close} and the given {@code "Name: value"} header lines, and reads the whole answer.
   */
  public static Answer send(int port, String method, String target, String... headerLines) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1:").append(port).append("\r\n");
      request.append("Connection: close\r\n");
      for (String line : headerLines) {
        request.append(line).append("\r\n");
      }
      request.append("Content-Length: 0\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = readAll(socket.getInputStream());
      if (!answer.startsWith("HTTP/")) {
        return new Answer(-1, answer);
      }
      int status = Integer.parseInt(answer.substring(9, 12));
      int bodyStart = answer.indexOf("\r\n\r\n");
      return new Answer(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // A server that gives up on a request may reset the connection: what arrived is the answer.
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
