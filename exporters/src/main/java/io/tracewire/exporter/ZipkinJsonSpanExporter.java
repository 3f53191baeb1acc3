package io.tracewire.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Posts spans to a Zipkin collector as Zipkin v2 JSON, using only the JDK's {@link HttpClient}.
 *
 * <p>Requests are sent asynchronously; the result of {@link #export} completes when the collector
 * answers (success on 2xx), or fails on any other status, an I/O error or once the timeout has
 * passed. {@code export} never throws.
 */
public final class ZipkinJsonSpanExporter implements SpanExporter {

  public static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:9411/api/v2/spans");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final Duration timeout;
  private final UnaryOperator<Runnable> exportScope;
  private final HttpClient client;
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final Set<CompletableResultCode> inFlight = ConcurrentHashMap.newKeySet();

  /** Posts to {@link #DEFAULT_ENDPOINT} with {@link #DEFAULT_TIMEOUT}. */
  public ZipkinJsonSpanExporter() {
    this(DEFAULT_ENDPOINT, DEFAULT_TIMEOUT, UnaryOperator.identity());
  }

  public ZipkinJsonSpanExporter(URI endpoint, Duration timeout) {
    this(endpoint, timeout, UnaryOperator.identity());
  }

  /**
   * Same as {@link #ZipkinJsonSpanExporter(URI, Duration, UnaryOperator)}.
   *
   * @throws IllegalArgumentException if {@code endpoint} is not an http(s) URI
   */
  public ZipkinJsonSpanExporter(
      String endpoint, Duration timeout, UnaryOperator<Runnable> exportScope) {
    this(URI.create(Objects.requireNonNull(endpoint, "endpoint")), timeout, exportScope);
  }

  /**
   * @param endpoint the collector's span endpoint, e.g. {@code http://zipkin:9411/api/v2/spans}
   * @param timeout how long one export may take, connecting included
   * @param exportScope wraps the code that starts each request; the agent passes a wrapper that
   *     marks the request as its own traffic so that it is not traced
   */
  public ZipkinJsonSpanExporter(
      URI endpoint, Duration timeout, UnaryOperator<Runnable> exportScope) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.exportScope = Objects.requireNonNull(exportScope, "exportScope");
    String scheme = endpoint.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("Zipkin endpoint must be an http(s) URI: " + endpoint);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown.get()) {
      return CompletableResultCode.ofFailure();
    }
    if (spans.isEmpty()) {
      return CompletableResultCode.ofSuccess();
    }
    CompletableResultCode result = new CompletableResultCode();
    try {
      CompletableFuture<HttpResponse<Void>> response = send(ZipkinJsonEncoder.encode(spans));
      inFlight.add(result);
      response
          // The request timeout covers waiting for the response; this bounds the whole exchange.
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (answer, error) -> {
                inFlight.remove(result);
                complete(result, answer, error);
              });
    } catch (RuntimeException e) {
      inFlight.remove(result);
      complete(result, null, e);
    }
    return result;
  }

  private CompletableFuture<HttpResponse<Void>> send(String json) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)))
            .build();
    AtomicReference<CompletableFuture<HttpResponse<Void>>> sent = new AtomicReference<>();
    exportScope
        .apply(() -> sent.set(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())))
        .run();
    CompletableFuture<HttpResponse<Void>> response = sent.get();
    if (response == null) {
      throw new IllegalStateException("exportScope did not run the export");
    }
    // A copy, so that the timeout below completes our future and not the client's.
    return response.copy();
  }

  /** Failures carry a throwable that says what went wrong; the caller decides what to log. */
  private void complete(CompletableResultCode result, HttpResponse<Void> answer, Throwable error) {
    if (error == null && answer.statusCode() >= 200 && answer.statusCode() < 300) {
      result.succeed();
    } else if (error == null) {
      result.failExceptionally(
          new IOException("Zipkin collector answered HTTP " + answer.statusCode()));
    } else {
      Throwable cause = unwrap(error);
      if (cause instanceof TimeoutException) {
        cause = new TimeoutException("no answer from the Zipkin collector within " + timeout);
      }
      result.failExceptionally(cause);
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Completes once every export already started has completed. */
  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofAll(new ArrayList<>(inFlight));
  }

  /** Fails every later export at once; completes when the exports already started are done. */
  @Override
  public CompletableResultCode shutdown() {
    shutdown.set(true);
    CompletableResultCode done = new CompletableResultCode();
    flush().whenComplete(done::succeed);
    return done;
  }

  @Override
  public String toString() {
    return "ZipkinJsonSpanExporter{endpoint=" + endpoint + ", timeout=" + timeout + "}";
  }
}
