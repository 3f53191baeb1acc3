package io.tracewire.exporter;

import io.opentelemetry.sdk.common.export.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One POST to a collector over {@link HttpURLConnection}, blocking the calling thread, registered
 * in {@link InFlightRequests} while it is on the wire so that the agent can abort it at exit.
 */
final class HttpPost {

  private final URI endpoint;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final InFlightRequests inFlight;
  private Proxy proxy = Proxy.NO_PROXY;
  private SSLSocketFactory sslSocketFactory;

  HttpPost(URI endpoint, Duration connectTimeout, Duration readTimeout, InFlightRequests inFlight) {
    this.endpoint = endpoint;
    this.connectTimeoutMillis = millis(connectTimeout);
    this.readTimeoutMillis = millis(readTimeout);
    this.inFlight = inFlight;
  }

  HttpPost via(Proxy proxy) {
    this.proxy = proxy;
    return this;
  }

  HttpPost withSsl(SSLSocketFactory factory) {
    this.sslSocketFactory = factory;
    return this;
  }

  /**
   * Sends {@code body} and reads the answer (at most {@code maxResponseBytes} of its body).
   *
   * @throws IOException on any failure; {@code "export aborted at shutdown"} once aborted
   */
  Response send(byte[] body, Map<String, List<String>> headers, long maxResponseBytes)
      throws IOException {
    if (inFlight.isAborted()) {
      throw new IOException("export aborted at shutdown");
    }
    HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection(proxy);
    if (connection instanceof HttpsURLConnection && sslSocketFactory != null) {
      ((HttpsURLConnection) connection).setSSLSocketFactory(sslSocketFactory);
    }
    inFlight.opened(connection);
    try {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setUseCaches(false);
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(connectTimeoutMillis);
      connection.setReadTimeout(readTimeoutMillis);
      headers.forEach((name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      return new Response(status, connection.getResponseMessage(), readBody(connection, status, maxResponseBytes));
    } catch (IOException e) {
      if (inFlight.isAborted()) {
        throw new IOException("export aborted at shutdown");
      }
      throw e;
    } finally {
      inFlight.closed(connection);
    }
  }

  private static byte[] readBody(HttpURLConnection connection, int status, long maxBytes)
      throws IOException {
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (in == null) {
      return new byte[0];
    }
    int limit = (int) Math.min(Integer.MAX_VALUE, maxBytes <= 0 ? Integer.MAX_VALUE : maxBytes);
    try (InputStream body = in) {
      // Read to the end (within the limit) so the connection can be kept alive and reused.
      return body.readNBytes(limit);
    }
  }

  private static int millis(Duration duration) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
  }

  /** A collector's answer. */
  static final class Response implements HttpResponse {
    private final int status;
    private final String message;
    private final byte[] body;

    Response(int status, String message, byte[] body) {
      this.status = status;
      this.message = message == null ? "" : message;
      this.body = body;
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
