package io.tracewire.analytics.backend;

import io.tracewire.analytics.model.TraceRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every trace of a service in a time range, page after page, newest first.
 *
 * <p>Neither query API pages by offset, so each next page asks for the same range ending at the
 * start of the oldest trace read so far. Traces on that boundary come back again and are dropped by
 * id; the ids remembered are bounded (the last few pages), so memory stays flat however many
 * traces are read. When a whole page starts at one instant (the backend's time unit), that instant
 * is read alone with a larger limit and the window then moves past it. A failure after the first
 * page ends the reading as partial, keeping what was read.
 */
public final class TraceFetcher {

  /** Told after each page. */
  public interface Progress {
    void pageRead(String service, long traces, long spans);
  }

  private static final int REMEMBERED_PAGES = 4;

  private final TraceBackend backend;
  private final int pageSize;

  public TraceFetcher(TraceBackend backend, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    this.backend = backend;
    this.pageSize = pageSize;
  }

  /**
   * Hands each trace of {@code service} in {@code [startMicros, endMicros]} to {@code sink} once,
   * at most {@code maxTraces} of them.
   *
   * @throws BackendException when the first page cannot be read
   */
  public FetchResult fetch(String service, long startMicros, long endMicros, long maxTraces,
      Consumer<TraceRecord> sink, Progress progress) throws BackendException {
    Reading reading = new Reading(service, maxTraces, sink);
    long unit = backend.timeUnitMicros();
    long windowEnd = endMicros;
    while (reading.traces < maxTraces) {
      int want = (int) Math.min(pageSize, maxTraces - reading.traces);
      Page page;
      try {
        page = reading.page(startMicros, windowEnd, want);
        if (page.received == want && page.fresh == 0) {
          // Every trace of the page starts in the instant that ends the window: read that instant
          // alone, asking for one more than a page, then move past it.
          long instant = Math.floorDiv(windowEnd, unit) * unit;
          Page tied = reading.page(Math.max(startMicros, instant), instant + unit - 1, want + 1);
          if (tied.received > want) {
            reading.partialReason = "more than " + want + " traces start within " + unit
                + " µs of each other; some of them may be missing (raise --page-size)";
          }
          page.oldestStart = instant - 1;
        }
      } catch (BackendException e) {
        if (reading.pages == 0) {
          throw e;
        }
        return new FetchResult(reading.traces, reading.spans, false, e.getMessage());
      }
      if (progress != null) {
        progress.pageRead(service, reading.traces, reading.spans);
      }
      if (page.received < want || page.oldestStart < startMicros) {
        return new FetchResult(reading.traces, reading.spans, false, reading.partialReason);
      }
      windowEnd = page.oldestStart;
    }
    return new FetchResult(reading.traces, reading.spans, true, reading.partialReason);
  }

  /** The state of one service's reading: what was seen and counted. */
  private final class Reading {
    private final String service;
    private final long maxTraces;
    private final Consumer<TraceRecord> sink;
    private final Map<String, Boolean> seen = boundedIdSet(REMEMBERED_PAGES * pageSize);
    long traces;
    long spans;
    int pages;
    String partialReason;

    Reading(String service, long maxTraces, Consumer<TraceRecord> sink) {
      this.service = service;
      this.maxTraces = maxTraces;
      this.sink = sink;
    }

    Page page(long start, long end, int limit) throws BackendException {
      Page page = new Page();
      backend.page(service, start, end, limit, trace -> {
        page.received++;
        if (seen.put(trace.traceId(), Boolean.TRUE) != null || traces >= maxTraces) {
          return;
        }
        page.fresh++;
        traces++;
        spans += trace.spans().size();
        page.oldestStart = Math.min(page.oldestStart, trace.startMicros());
        sink.accept(trace);
      });
      pages++;
      return page;
    }
  }

  private static Map<String, Boolean> boundedIdSet(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  private static final class Page {
    int received;
    int fresh;
    long oldestStart = Long.MAX_VALUE;
  }
}
