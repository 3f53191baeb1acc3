package io.tracewire.analytics.report;

import io.tracewire.analytics.backend.FetchResult;
import io.tracewire.analytics.report.Report.Dependency;
import io.tracewire.analytics.report.Report.ErrorMessage;
import io.tracewire.analytics.report.Report.HistogramBin;
import io.tracewire.analytics.report.Report.Operation;
import io.tracewire.analytics.report.Report.ServiceReport;
import io.tracewire.analytics.report.Report.Summary;
import io.tracewire.analytics.stats.DurationStats;
import io.tracewire.analytics.stats.QuantileSketch;
import io.tracewire.analytics.stats.ServiceStats;
import io.tracewire.analytics.stats.TopCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the statistics of each service into a {@link Report}. */
public final class ReportBuilder {

  public static final int SLOWEST_OPERATIONS = 10;
  public static final int TOP_ERRORS = 5;
  private static final int HISTOGRAM_BINS = 12;

  private final String backend;
  private final String url;
  private final Instant start;
  private final Instant end;
  private final List<ServiceReport> services = new ArrayList<>();
  private final Map<ServiceStats.Edge, Dependency> dependencies = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private long totalTraces;

  public ReportBuilder(String backend, String url, Instant start, Instant end) {
    this.backend = backend;
    this.url = url;
    this.start = start;
    this.end = end;
  }

  public ReportBuilder add(ServiceStats stats, FetchResult fetch, long limit) {
    DurationStats traces = stats.traces();
    List<Dependency> serviceDependencies = new ArrayList<>();
    stats.edges().forEach((edge, edgeStats) -> {
      Dependency dependency = dependency(edge, edgeStats);
      serviceDependencies.add(dependency);
      // An edge seen from both of its services is the same calls: keep the first section's view.
      dependencies.putIfAbsent(edge, dependency);
    });
    serviceDependencies.sort(Comparator.comparingLong(Dependency::calls).reversed());
    services.add(new ServiceReport(
        stats.service(),
        traces.count(),
        stats.spans(),
        ms(traces.averageMicros()),
        ms(traces.quantileMicros(0.50)),
        ms(traces.quantileMicros(0.95)),
        ms(traces.quantileMicros(0.99)),
        traces.errors(),
        traces.errorRate(),
        slowest(stats),
        topErrors(stats.messages(), traces.errors()),
        serviceDependencies,
        histogram(traces.sketch()),
        fetch.limitReached(),
        fetch.partialReason()));
    totalTraces += stats.newTraces();
    if (fetch.partial()) {
      notes.add("PARTIAL: " + stats.service() + ": reading stopped after " + fetch.traces() + " traces: "
          + fetch.partialReason());
    }
    if (fetch.limitReached()) {
      notes.add(stats.service() + ": only the newest " + limit + " traces were read (--limit)");
    }
    if (stats.operations().containsKey(ServiceStats.OTHER)) {
      notes.add(stats.service() + ": more than " + ServiceStats.MAX_OPERATIONS
          + " operation names; the rest are counted as " + ServiceStats.OTHER);
    }
    if (!stats.messages().exact()) {
      notes.add(stats.service() + ": more than " + ServiceStats.MESSAGE_SLOTS
          + " distinct error messages; counts of the top ones may be high by up to "
          + stats.messages().total() / ServiceStats.MESSAGE_SLOTS);
    }
    return this;
  }

  public Report build() {
    return new Report(backend, url, start, end, List.copyOf(services), summary(),
        List.copyOf(dependencies.values()), List.copyOf(notes));
  }

  private Summary summary() {
    ServiceReport slowest = null;
    ServiceReport errorProne = null;
    double errorRates = 0;
    for (ServiceReport service : services) {
      errorRates += service.errorRate();
      if (slowest == null || service.p95Ms() > slowest.p95Ms()) {
        slowest = service;
      }
      if (errorProne == null || service.errorRate() > errorProne.errorRate()) {
        errorProne = service;
      }
    }
    return new Summary(
        totalTraces,
        services.isEmpty() ? 0 : errorRates / services.size(),
        slowest == null ? null : slowest.service(),
        slowest == null ? 0 : slowest.p95Ms(),
        errorProne == null ? null : errorProne.service(),
        errorProne == null ? 0 : errorProne.errorRate());
  }

  private static List<Operation> slowest(ServiceStats stats) {
    List<Operation> operations = new ArrayList<>();
    stats.operations().forEach((name, op) -> operations.add(new Operation(name, op.count(),
        ms(op.averageMicros()), ms(op.quantileMicros(0.95)), ms(op.maxMicros()), op.errorRate())));
    operations.sort(Comparator.comparingDouble(Operation::p95Ms)
        .thenComparingDouble(Operation::maxMs)
        .reversed()
        .thenComparing(Operation::name));
    return List.copyOf(operations.subList(0, Math.min(SLOWEST_OPERATIONS, operations.size())));
  }

  private static List<ErrorMessage> topErrors(TopCounter messages, long errorTraces) {
    List<ErrorMessage> errors = new ArrayList<>();
    for (TopCounter.Entry entry : messages.top(TOP_ERRORS)) {
      errors.add(new ErrorMessage(entry.key(), entry.count(),
          errorTraces == 0 ? 0 : (double) entry.count() / errorTraces));
    }
    return errors;
  }

  private static Dependency dependency(ServiceStats.Edge edge, DurationStats stats) {
    return new Dependency(edge.caller(), edge.callee(), stats.count(), stats.errorRate(),
        ms(stats.quantileMicros(0.95)));
  }

  /**
   * Trace durations in {@value #HISTOGRAM_BINS} bins of equal width on a log scale, from the
   * sketch's buckets (so the bounds are as exact as the sketch).
   */
  static List<HistogramBin> histogram(QuantileSketch sketch) {
    List<double[]> buckets = new ArrayList<>();
    sketch.forEachBucket((lower, upper, count) -> buckets.add(new double[] {lower, upper, count}));
    if (buckets.isEmpty()) {
      return List.of();
    }
    double low = Math.max(1, buckets.get(0)[0]);
    double high = Math.max(low * 1.0001, buckets.get(buckets.size() - 1)[1]);
    double ratio = Math.pow(high / low, 1.0 / HISTOGRAM_BINS);
    long[] counts = new long[HISTOGRAM_BINS];
    for (double[] bucket : buckets) {
      double middle = bucket[0] < 1 ? low : Math.sqrt(bucket[0] * bucket[1]);
      int bin = (int) Math.floor(Math.log(middle / low) / Math.log(ratio));
      counts[Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin))] += (long) bucket[2];
    }
    List<HistogramBin> bins = new ArrayList<>(HISTOGRAM_BINS);
    for (int i = 0; i < HISTOGRAM_BINS; i++) {
      bins.add(new HistogramBin(ms(low * Math.pow(ratio, i)), ms(low * Math.pow(ratio, i + 1)), counts[i]));
    }
    return bins;
  }

  private static double ms(double micros) {
    return micros / 1000.0;
  }
}
