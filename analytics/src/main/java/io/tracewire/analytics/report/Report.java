package io.tracewire.analytics.report;

import java.time.Instant;
import java.util.List;

/**
 * What the analytics found, ready to format. Durations are in milliseconds, rates are shares
 * (0 to 1).
 *
 * @param backend the backend's name
 * @param url the backend's base URL
 * @param start start of the time range
 * @param end end of the time range
 * @param services one section per service, in the order asked
 * @param summary totals across the services
 * @param dependencies every caller-to-callee edge seen, each counted once
 * @param notes what limits the report: partial reads, trace limits, folded names
 */
public record Report(
    String backend,
    String url,
    Instant start,
    Instant end,
    List<ServiceReport> services,
    Summary summary,
    List<Dependency> dependencies,
    List<String> notes) {

  /** Whether some data could not be read, so the figures cover less than the range. */
  public boolean partial() {
    return services.stream().anyMatch(service -> service.partialReason() != null);
  }

  /** One service's section. */
  public record ServiceReport(
      String service,
      long traces,
      long spans,
      double averageMs,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      long errorTraces,
      double errorRate,
      List<Operation> slowestOperations,
      List<ErrorMessage> topErrors,
      List<Dependency> dependencies,
      List<HistogramBin> histogram,
      boolean limitReached,
      String partialReason) {}

  /** One operation (span name) of a service. */
  public record Operation(String name, long count, double averageMs, double p95Ms, double maxMs, double errorRate) {}

  /** An error message, with the error traces it appears in and their share of all error traces. */
  public record ErrorMessage(String message, long count, double share) {}

  /** Calls from one service to another. */
  public record Dependency(String caller, String callee, long calls, double errorRate, double p95Ms) {}

  /** Trace durations between two bounds, for a histogram. */
  public record HistogramBin(double fromMs, double toMs, long count) {}

  /** Across the services. */
  public record Summary(
      long totalTraces,
      double meanErrorRate,
      String slowestService,
      double slowestP95Ms,
      String mostErrorProneService,
      double highestErrorRate) {}
}
