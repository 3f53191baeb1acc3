package io.tracewire.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Posts spans to a Zipkin collector as Zipkin v2 JSON, with {@link HttpPost}.
 *
 * <p>Requests are sent one at a time on the exporter's own daemon thread; the result of {@link
 * #export} completes when the collector answers (success on 2xx), or fails on any other status, an
 * I/O error or when connecting or waiting for the answer takes longer than the timeout. {@code
 * export} never throws and never blocks.
 */
public final class ZipkinJsonSpanExporter implements SpanExporter {

  public static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:9411/api/v2/spans");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<String, List<String>> HEADERS =
      Map.of("Content-Type", List.of("application/json"));
  private static final long MAX_ANSWER_BYTES = 64 * 1024;

  private final URI endpoint;
  private final Duration timeout;
  private final UnaryOperator<Runnable> exportScope;
  private final HttpPost request;
  private final ExecutorService sender;
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final Set<CompletableResultCode> inFlight = ConcurrentHashMap.newKeySet();

  /** Posts to {@link #DEFAULT_ENDPOINT} with {@link #DEFAULT_TIMEOUT}. */
  public ZipkinJsonSpanExporter() {
    this(DEFAULT_ENDPOINT, DEFAULT_TIMEOUT, UnaryOperator.identity(), new InFlightRequests());
  }

  public ZipkinJsonSpanExporter(URI endpoint, Duration timeout) {
    this(endpoint, timeout, UnaryOperator.identity(), new InFlightRequests());
  }

  /**
   * Same as {@link #ZipkinJsonSpanExporter(URI, Duration, UnaryOperator, InFlightRequests)}.
   *
   * @throws IllegalArgumentException if {@code endpoint} is not an http(s) URI
   */
  public ZipkinJsonSpanExporter(
      String endpoint,
      Duration timeout,
      UnaryOperator<Runnable> exportScope,
      InFlightRequests requests) {
    this(URI.create(Objects.requireNonNull(endpoint, "endpoint")), timeout, exportScope, requests);
  }

  /**
   * @param endpoint the collector's span endpoint, e.g. {@code http://zipkin:9411/api/v2/spans}
   * @param timeout how long connecting, and then waiting for the answer, may each take
   * @param exportScope wraps the code that sends each request; the agent passes a wrapper that
   *     marks the request as its own traffic so that it is not traced
   * @param requests where requests on the wire are registered, so they can be aborted at exit
   */
  public ZipkinJsonSpanExporter(
      URI endpoint,
      Duration timeout,
      UnaryOperator<Runnable> exportScope,
      InFlightRequests requests) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.exportScope = Objects.requireNonNull(exportScope, "exportScope");
    String scheme = endpoint.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "Zipkin endpoint must be an http(s) URI: " + RedactedUrl.of(endpoint.toString()));
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.request = new HttpPost(endpoint, timeout, timeout, Objects.requireNonNull(requests, "requests"));
    this.sender =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "tracewire-zipkin-export");
              thread.setDaemon(true);
              return thread;
            });
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
    inFlight.add(result);
    try {
      byte[] json = ZipkinJsonEncoder.encode(spans).getBytes(StandardCharsets.UTF_8);
      sender.execute(() -> postInScope(json, result));
    } catch (RuntimeException e) {
      inFlight.remove(result);
      result.failExceptionally(e);
    }
    return result;
  }

  private void postInScope(byte[] json, CompletableResultCode result) {
    try {
      exportScope.apply(() -> post(json, result)).run();
    } catch (RuntimeException e) {
      inFlight.remove(result);
      result.failExceptionally(e);
    }
  }

  /** Failures carry a throwable that says what went wrong; the caller decides what to log. */
  private void post(byte[] json, CompletableResultCode result) {
    try {
      HttpPost.Response answer = request.send(json, HEADERS, MAX_ANSWER_BYTES);
      if (answer.isSuccess()) {
        result.succeed();
      } else {
        result.failExceptionally(
            new IOException("Zipkin collector answered HTTP " + answer.getStatusCode()));
      }
    } catch (SocketTimeoutException e) {
      result.failExceptionally(
          new TimeoutException("no answer from the Zipkin collector within " + timeout));
    } catch (IOException | RuntimeException e) {
      result.failExceptionally(e);
    } finally {
      inFlight.remove(result);
    }
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
    flush()
        .whenComplete(
            () -> {
              sender.shutdown();
              request.close();
              done.succeed();
            });
    return done;
  }

  @Override
  public String toString() {
    return "ZipkinJsonSpanExporter{endpoint=" + RedactedUrl.of(endpoint.toString()) + ", timeout=" + timeout + "}";
  }
}
