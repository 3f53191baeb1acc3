package io.tracewire.exporter;

import io.opentelemetry.sdk.common.export.HttpResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs to a collector with a minimal HTTP/1.1 client on a plain socket, blocking the calling
 * thread. The JDK's {@code HttpURLConnection} cannot be aborted reliably from another thread (a
 * {@code disconnect} racing with a request can make it reconnect and block again), and closing a
 * TLS socket waits for a lock a blocked writer holds. Here the agent always owns the plain socket
 * under the TLS layer: closing it ends any read or write at once. Every request is registered in
 * {@link InFlightRequests}, which closes it if it outlives the connect timeout plus the read
 * timeout, and when the agent aborts exports at exit. One kept-alive connection is reused.
 */
final class HttpPost {

  private static final int MAX_HEADER_LINE = 8 * 1024;

  private final URI endpoint;
  /** The host as the URI writes it (IPv6 literals in brackets), for the Host header. */
  private final String hostHeader;
  /** The host to connect to (IPv6 literals without brackets). */
  private final String host;
  private final int port;
  private final boolean tls;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final InFlightRequests inFlight;
  private final HostLookup lookup;
  private SSLSocketFactory sslSocketFactory;
  /** The kept-alive connection between requests. */
  private final AtomicReference<Connection> idle = new AtomicReference<>();
  private volatile boolean closed;

  HttpPost(URI endpoint, Duration connectTimeout, Duration readTimeout, InFlightRequests inFlight) {
    this.endpoint = endpoint;
    this.hostHeader = endpoint.getHost();
    this.host =
        hostHeader.startsWith("[") ? hostHeader.substring(1, hostHeader.length() - 1) : hostHeader;
    this.tls = "https".equalsIgnoreCase(endpoint.getScheme());
    this.port = endpoint.getPort() >= 0 ? endpoint.getPort() : tls ? 443 : 80;
    this.connectTimeoutMillis = millis(connectTimeout);
    this.readTimeoutMillis = millis(readTimeout);
    this.inFlight = inFlight;
    this.lookup = new HostLookup(host);
  }

  /** Uses this factory (e.g. with the configured trust material) for {@code https} endpoints. */
  HttpPost withSsl(SSLSocketFactory factory) {
    this.sslSocketFactory = factory;
    return this;
  }

  /**
   * Sends {@code body} and reads the answer (at most {@code maxResponseBytes} of its body when
   * positive). Requests from one thread at a time.
   *
   * @throws SocketTimeoutException when the collector took too long
   * @throws IOException on any other failure; {@code "export aborted at shutdown"} once aborted
   */
  synchronized Response send(byte[] body, Map<String, List<String>> headers, long maxResponseBytes)
      throws IOException {
    Connection reused = idle.getAndSet(null);
    if (reused != null) {
      try {
        return exchange(reused, body, headers, maxResponseBytes);
      } catch (StaleConnectionException stale) {
        // The collector closed the kept-alive connection meanwhile: once more on a new one.
      }
    }
    return exchange(null, body, headers, maxResponseBytes);
  }

  private Response exchange(
      Connection reused, byte[] body, Map<String, List<String>> headers, long maxResponseBytes)
      throws IOException {
    if (inFlight.isAborted()) {
      if (reused != null) {
        reused.close();
      }
      throw new IOException("export aborted at shutdown");
    }
    Socket plain = reused != null ? reused.plain : new Socket();
    InFlightRequests.Request tracked = inFlight.opened(plain, deadlineMillis());
    Connection connection = reused;
    boolean keep = false;
    try {
      if (connection == null) {
        connection = connect(plain);
      }
      String statusLine;
      try {
        writeRequest(connection.out, body, headers);
        statusLine = readStatusLine(connection.in);
      } catch (IOException failure) {
        // A kept-alive connection the collector closed meanwhile fails on the write (broken pipe,
        // reset) or ends before the answer: the request goes again once, on a new connection.
        // Should the collector have taken it before dying, it gets a batch twice: rare, and
        // better than losing it.
        if (reused != null
            && !(failure instanceof SocketTimeoutException)
            && !tracked.expired()
            && !inFlight.isAborted()) {
          throw new StaleConnectionException();
        }
        throw failure;
      }
      Response response = readResponse(connection.in, statusLine, maxResponseBytes);
      keep = response.keepAlive;
      return response;
    } catch (StaleConnectionException stale) {
      throw stale;
    } catch (IOException e) {
      if (inFlight.isAborted()) {
        throw new IOException("export aborted at shutdown");
      }
      if (tracked.expired()) {
        throw new SocketTimeoutException("no complete answer within " + deadlineMillis() + " ms");
      }
      throw e;
    } finally {
      boolean inTime = inFlight.closed(tracked);
      if (keep && inTime && !inFlight.isAborted() && !closed) {
        idle.set(connection);
        if (closed) {
          close();
        }
      } else if (connection != null) {
        connection.close();
      } else {
        closeQuietly(plain);
      }
    }
  }

  private Connection connect(Socket plain) throws IOException {
    // The name is resolved within the connect timeout too, which the request's deadline includes.
    long started = System.nanoTime();
    boolean unlimited = connectTimeoutMillis == 0;
    InetAddress address = lookup.resolve(unlimited ? Long.MAX_VALUE : connectTimeoutMillis);
    long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    plain.connect(
        new InetSocketAddress(address, port), unlimited ? 0 : (int) Math.max(1, connectTimeoutMillis - spent));
    plain.setSoTimeout(readTimeoutMillis);
    plain.setTcpNoDelay(true);
    Socket socket = plain;
    if (tls) {
      SSLSocketFactory factory =
          sslSocketFactory != null ? sslSocketFactory : (SSLSocketFactory) SSLSocketFactory.getDefault();
      SSLSocket secure = (SSLSocket) factory.createSocket(plain, host, port, true);
      SSLParameters parameters = secure.getSSLParameters();
      // Check that the certificate is the collector's, as an HTTPS client must.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      secure.setSSLParameters(parameters);
      secure.startHandshake();
      socket = secure;
    }
    return new Connection(
        plain,
        new BufferedInputStream(socket.getInputStream()),
        new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
  }

  private void writeRequest(OutputStream out, byte[] body, Map<String, List<String>> headers)
      throws IOException {
    String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
    if (endpoint.getRawQuery() != null) {
      path += "?" + endpoint.getRawQuery();
    }
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader);
    if (port != (tls ? 443 : 80)) {
      head.append(':').append(port);
    }
    head.append("\r\n");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
          || !isHeaderText(name)) {
        continue;
      }
      for (String value : header.getValue()) {
        // A line break in a configured value would let it forge headers or a second request.
        if (isHeaderText(value)) {
          head.append(name).append(": ").append(value).append("\r\n");
        }
      }
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static boolean isHeaderText(String text) {
    return text.indexOf('\r') < 0 && text.indexOf('\n') < 0;
  }

  /** The first line of the answer; any failure here on a reused connection means it was stale. */
  private static String readStatusLine(InputStream in) throws IOException {
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new EOFException("the collector closed the connection without answering");
    }
    return statusLine;
  }

  private static Response readResponse(InputStream in, String firstStatusLine, long maxResponseBytes)
      throws IOException {
    String[] status = statusParts(firstStatusLine);
    int code = parseInt(status[1], firstStatusLine);
    // Interim answers (100 Continue, 103 Early Hints) come before the real one: skip them.
    while (code / 100 == 1 && code != 101) {
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        // their headers are not needed
      }
      String statusLine = readStatusLine(in);
      status = statusParts(statusLine);
      code = parseInt(status[1], statusLine);
    }
    long contentLength = -1;
    boolean chunked = false;
    boolean keepAlive = status[0].equals("HTTP/1.1");
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-length")) {
        contentLength = parseInt(value, line);
      } else if (name.equals("transfer-encoding")) {
        chunked = value.contains("chunked");
      } else if (name.equals("connection")) {
        keepAlive = value.contains("keep-alive") || keepAlive && !value.contains("close");
      }
    }
    long limit = maxResponseBytes > 0 ? maxResponseBytes : Long.MAX_VALUE;
    byte[] body;
    if (code == 204 || code == 304 || code == 101) {
      body = new byte[0];
    } else if (chunked) {
      body = readChunked(in, limit);
    } else if (contentLength >= 0) {
      body = readExactly(in, contentLength, limit);
    } else {
      // No length: the body ends when the collector closes the connection.
      body = readAtMost(in, limit);
      keepAlive = false;
    }
    return new Response(code, status.length > 2 ? status[2] : "", body, keepAlive);
  }

  /** The version, code and reason of a status line. */
  private static String[] statusParts(String statusLine) throws IOException {
    String[] status = statusLine.split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    return status;
  }

  private static byte[] readChunked(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new EOFException("answer cut short");
      }
      int extension = sizeLine.indexOf(';');
      String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + sizeLine);
      }
      if (size == 0) {
        // Trailers, up to the blank line.
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          // ignored
        }
        return body.toByteArray();
      }
      byte[] chunk = readExactly(in, size, Math.max(0, limit - body.size()));
      body.write(chunk, 0, chunk.length);
      readLine(in);
    }
  }

  /** Reads {@code length} bytes, keeping at most {@code limit} of them. */
  private static byte[] readExactly(InputStream in, long length, long limit) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream((int) Math.min(length, 8192));
    byte[] buffer = new byte[8192];
    long remaining = length;
    while (remaining > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        throw new EOFException("answer cut short");
      }
      int keep = (int) Math.max(0, Math.min(read, limit - kept.size()));
      kept.write(buffer, 0, keep);
      remaining -= read;
    }
    return kept.toByteArray();
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(Integer.MAX_VALUE, limit));
  }

  /** A line without its CR LF, or {@code null} at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() >= MAX_HEADER_LINE) {
        throw new IOException("answer line longer than " + MAX_HEADER_LINE + " bytes");
      }
      line.append((char) c);
    }
    if (line.length() == 0) {
      return null;
    }
    throw new EOFException("answer cut short");
  }

  private static int parseInt(String text, String line) throws IOException {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP answer: " + line);
    }
  }

  /** Socket timeouts: 0 (a zero duration) waits without limit, as {@code Socket} reads it. */
  private static int millis(Duration duration) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, duration.toMillis()));
  }

  /** How long a whole request may take; 0 when either timeout is unlimited. */
  private long deadlineMillis() {
    return connectTimeoutMillis == 0 || readTimeoutMillis == 0
        ? 0
        : (long) connectTimeoutMillis + readTimeoutMillis;
  }

  /**
   * Closes the kept-alive connection, if any; later requests open a new one. Never waits for a
   * request in progress.
   */
  void close() {
    closed = true;
    Connection kept = idle.getAndSet(null);
    if (kept != null) {
      kept.close();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is all that was asked.
    }
  }

  /** An open connection: the plain socket, and the (maybe TLS) streams above it. */
  private static final class Connection {
    final Socket plain;
    final InputStream in;
    final OutputStream out;

    Connection(Socket plain, InputStream in, OutputStream out) {
      this.plain = plain;
      this.in = in;
      this.out = out;
    }

    void close() {
      // The plain socket: closing the TLS one could wait for a lock a blocked writer holds.
      closeQuietly(plain);
    }
  }

  /** A kept-alive connection the collector had closed before this request. */
  private static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** A collector's answer. */
  static final class Response implements HttpResponse {
    private final int status;
    private final String message;
    private final byte[] body;
    private final boolean keepAlive;

    Response(int status, String message, byte[] body, boolean keepAlive) {
      this.status = status;
      this.message = message == null ? "" : message;
      this.body = body;
      this.keepAlive = keepAlive;
    }

    boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getStatusMessage() {
      return message;
    }

    @Override
    public byte[] getResponseBody() {
      return body;
    }
  }
}
