package io.tracewire.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.net.ssl.HttpsURLConnection;

/**
 * Posts export requests with the JDK's {@link HttpURLConnection}, on the exporting thread. Far
 * lighter to load than {@code java.net.http} (whose selector thread would also sit in native code
 * at exit), and each request can be aborted through {@link InFlightRequests}.
 */
public final class UrlConnectionHttpSender implements HttpSender {

  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

  private final HttpSenderConfig config;
  private final InFlightRequests inFlight;
  private final UnaryOperator<Runnable> exportScope;
  private volatile boolean shutdown;

  /**
   * @param exportScope wraps each request; the agent passes one that marks the request as its own
   *     traffic so that it is never traced
   */
  public UrlConnectionHttpSender(
      HttpSenderConfig config, InFlightRequests inFlight, UnaryOperator<Runnable> exportScope) {
    this.config = config;
    this.inFlight = inFlight;
    this.exportScope = exportScope;
  }

  @Override
  public void send(
      MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    exportScope.apply(() -> deliver(message, onResponse, onError)).run();
  }

  private void deliver(
      MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    byte[] body;
    try {
      body = encode(message);
    } catch (IOException | RuntimeException e) {
      onError.accept(e);
      return;
    }
    RetryPolicy retry = config.getRetryPolicy();
    long backoffNanos = retry == null ? 0 : retry.getInitialBackoff().toNanos();
    for (int attempt = 1; ; attempt++) {
      boolean mayRetry = retry != null && attempt < retry.getMaxAttempts();
      try {
        Response response = post(body);
        if (!mayRetry || !RETRYABLE_STATUS.contains(response.getStatusCode()) || !pause(backoffNanos)) {
          onResponse.accept(response);
          return;
        }
      } catch (IOException failure) {
        if (!mayRetry || !isRetryable(retry, failure) || !pause(backoffNanos)) {
          onError.accept(failure);
          return;
        }
      } catch (RuntimeException failure) {
        onError.accept(failure);
        return;
      }
      backoffNanos =
          Math.min(
              (long) (backoffNanos * retry.getBackoffMultiplier()), retry.getMaxBackoff().toNanos());
    }
  }

  private static boolean isRetryable(RetryPolicy retry, IOException failure) {
    return retry.getRetryExceptionPredicate() == null
        || retry.getRetryExceptionPredicate().test(failure);
  }

  /** Waits a random part of the back-off; {@code false} when the sender is closing meanwhile. */
  private boolean pause(long backoffNanos) {
    if (shutdown || inFlight.isAborted()) {
      return false;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, backoffNanos)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !shutdown && !inFlight.isAborted();
  }

  private byte[] encode(MessageWriter message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, message.getContentLength()));
    Compressor compressor = config.getCompressor();
    if (compressor == null) {
      message.writeMessage(bytes);
    } else {
      try (OutputStream compressed = compressor.compress(bytes)) {
        message.writeMessage(compressed);
      }
    }
    return bytes.toByteArray();
  }

  private Response post(byte[] body) throws IOException {
    if (shutdown || inFlight.isAborted()) {
      throw new IOException("exporter shut down");
    }
    HttpURLConnection connection = open(config.getEndpoint());
    inFlight.opened(connection);
    try {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setUseCaches(false);
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(millis(config.getConnectTimeout().toMillis()));
      connection.setReadTimeout(millis(config.getTimeout().toMillis()));
      connection.setRequestProperty("Content-Type", config.getContentType());
      if (config.getCompressor() != null) {
        connection.setRequestProperty("Content-Encoding", config.getCompressor().getEncoding());
      }
      Map<String, List<String>> headers = config.getHeadersSupplier().get();
      if (headers != null) {
        headers.forEach((name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
      }
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      return new Response(status, connection.getResponseMessage(), readBody(connection, status));
    } catch (IOException e) {
      if (inFlight.isAborted()) {
        throw new IOException("export aborted at shutdown");
      }
      throw e;
    } finally {
      inFlight.closed(connection);
    }
  }

  private HttpURLConnection open(URI endpoint) throws IOException {
    Proxy proxy = Proxy.NO_PROXY;
    if (config.getProxyOptions() != null) {
      ProxySelector selector = config.getProxyOptions().getProxySelector();
      List<Proxy> proxies = selector == null ? List.of() : selector.select(endpoint);
      if (!proxies.isEmpty()) {
        proxy = proxies.get(0);
      }
    }
    HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection(proxy);
    if (connection instanceof HttpsURLConnection && config.getSslContext() != null) {
      ((HttpsURLConnection) connection).setSSLSocketFactory(config.getSslContext().getSocketFactory());
    }
    return connection;
  }

  private byte[] readBody(HttpURLConnection connection, int status) throws IOException {
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (in == null) {
      return new byte[0];
    }
    long limit = config.getMaxResponseBodySize();
    try (InputStream body = in) {
      // Read to the end (up to the limit) so the connection can be kept alive and reused.
      return body.readNBytes((int) Math.min(Integer.MAX_VALUE, limit <= 0 ? Integer.MAX_VALUE : limit));
    }
  }

  private static int millis(long value) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, value));
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdown = true;
    return CompletableResultCode.ofSuccess();
  }

  private static final class Response implements HttpResponse {
    private final int status;
    private final String message;
    private final byte[] body;

    Response(int status, String message, byte[] body) {
      this.status = status;
      this.message = message == null ? "" : message;
      this.body = body;
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
