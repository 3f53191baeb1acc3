package io.tracewire.analytics;

import io.tracewire.analytics.backend.BackendException;
import io.tracewire.analytics.backend.FetchResult;
import io.tracewire.analytics.backend.TraceBackend;
import io.tracewire.analytics.backend.TraceFetcher;
import io.tracewire.analytics.report.Report;
import io.tracewire.analytics.report.ReportBuilder;
import io.tracewire.analytics.stats.ServiceStats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The library's entry point: reads each service's traces in a time range from a backend, folds
 * them into streaming statistics and builds the report.
 *
 * <pre>{@code
 * Report report = TraceAnalytics.over(new ZipkinBackend(uri, Duration.ofSeconds(30)), uri.toString())
 *     .range(Instant.now().minus(Duration.ofHours(1)), Instant.now())
 *     .report(List.of("orders", "payments"));
 * }</pre>
 */
public final class TraceAnalytics {

  /** Default for {@link #limit}: traces read per service at most. */
  public static final long DEFAULT_LIMIT = 1_000_000;
  /** Default for {@link #pageSize}: traces asked for per request. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  private final TraceBackend backend;
  private final String url;
  private Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
  private Instant end = Instant.now();
  private long limit = DEFAULT_LIMIT;
  private int pageSize = DEFAULT_PAGE_SIZE;
  private TraceFetcher.Progress progress;

  private TraceAnalytics(TraceBackend backend, String url) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.url = Objects.requireNonNull(url, "url");
  }

  public static TraceAnalytics over(TraceBackend backend, String url) {
    return new TraceAnalytics(backend, url);
  }

  public TraceAnalytics range(Instant start, Instant end) {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("the start " + start + " is not before the end " + end);
    }
    this.start = start;
    this.end = end;
    return this;
  }

  public TraceAnalytics limit(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
    return this;
  }

  public TraceAnalytics pageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    this.pageSize = pageSize;
    return this;
  }

  public TraceAnalytics progress(TraceFetcher.Progress progress) {
    this.progress = progress;
    return this;
  }

  /**
   * The report over {@code services}, in that order.
   *
   * @throws BackendException when the backend cannot be read, a service is unknown to it, or a
   *     service has no traces in the range
   */
  public Report report(List<String> services) throws BackendException {
    if (services.isEmpty()) {
      throw new IllegalArgumentException("name at least one service");
    }
    List<String> known = backend.services();
    for (String service : services) {
      if (!known.contains(service)) {
        throw new BackendException("unknown service '" + service + "': " + backend.name() + " at " + url
            + (known.isEmpty() ? " knows no services" : " knows " + String.join(", ", sorted(known))));
      }
    }
    TraceFetcher fetcher = new TraceFetcher(backend, pageSize);
    ReportBuilder builder = new ReportBuilder(backend.name(), url, start, end);
    List<String> earlier = new ArrayList<>();
    long startMicros = micros(start);
    long endMicros = micros(end);
    for (String service : services) {
      ServiceStats stats = new ServiceStats(service);
      List<String> counted = List.copyOf(earlier);
      FetchResult fetch = fetcher.fetch(service, startMicros, endMicros, limit,
          trace -> stats.accept(trace, counted), progress);
      if (fetch.traces() == 0) {
        throw new BackendException("no traces of service '" + service + "' in " + backend.name() + " between "
            + start + " and " + end + (fetch.partial() ? " (" + fetch.partialReason() + ")" : ""));
      }
      builder.add(stats, fetch, limit);
      earlier.add(service);
    }
    return builder.build();
  }

  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(null);
    return copy;
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
