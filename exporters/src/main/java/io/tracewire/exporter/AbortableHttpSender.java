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
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The OTLP exporter's HTTP transport: posts each request with {@link HttpPost} on the exporting
 * thread. Far lighter to load than {@code java.net.http} (whose selector thread would also sit in
 * native code at exit), every request has a deadline, and all can be aborted through {@link
 * InFlightRequests}. Proxy options are not supported (the agent configures none).
 */
public final class AbortableHttpSender implements HttpSender {

  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

  private final HttpSenderConfig config;
  private final InFlightRequests inFlight;
  private final UnaryOperator<Runnable> exportScope;
  private final HttpPost request;
  private volatile boolean shutdown;

  /**
   * @param exportScope wraps each request; the agent passes one that marks the request as its own
   *     traffic so that it is never traced
   */
  public AbortableHttpSender(
      HttpSenderConfig config, InFlightRequests inFlight, UnaryOperator<Runnable> exportScope) {
    this.config = config;
    this.inFlight = inFlight;
    this.exportScope = exportScope;
    this.request = request(config, inFlight);
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
        HttpPost.Response response = post(body);
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

  private HttpPost.Response post(byte[] body) throws IOException {
    if (shutdown) {
      throw new IOException("exporter shut down");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(config.getContentType()));
    if (config.getCompressor() != null) {
      headers.put("Content-Encoding", List.of(config.getCompressor().getEncoding()));
    }
    Map<String, List<String>> configured = config.getHeadersSupplier().get();
    if (configured != null) {
      headers.putAll(configured);
    }
    return request.send(body, headers, config.getMaxResponseBodySize());
  }

  private static HttpPost request(HttpSenderConfig config, InFlightRequests inFlight) {
    HttpPost request =
        new HttpPost(config.getEndpoint(), config.getConnectTimeout(), config.getTimeout(), inFlight);
    if (config.getSslContext() != null) {
      request.withSsl(config.getSslContext().getSocketFactory());
    }
    return request;
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdown = true;
    request.close();
    return CompletableResultCode.ofSuccess();
  }
}
