package io.tracewire.analytics.backend;

import io.tracewire.analytics.model.TraceRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every trace of a service in a time range, page after page, newest first.
 *
 * <p>Neither query API pages by offset, so each next page asks for the same range ending at the
 * start of the oldest trace seen so far. Traces on that boundary come back again and are dropped by
 * id; the ids remembered are bounded (the last few pages), so memory stays flat however many
 * traces are read. A failure after the first page ends the reading as partial, keeping what was read.
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
    Map<String, Boolean> seen = boundedIdSet(REMEMBERED_PAGES * pageSize);
    long windowEnd = endMicros;
    long traces = 0;
    long spans = 0;
    boolean firstPage = true;
    while (traces < maxTraces) {
      int want = (int) Math.min(pageSize, maxTraces - traces);
      PageTally page = new PageTally();
      try {
        backend.page(service, startMicros, windowEnd, want, trace -> {
          page.received++;
          if (seen.put(trace.traceId(), Boolean.TRUE) != null) {
            return;
          }
          page.fresh++;
          page.spans += trace.spans().size();
          page.oldestStart = Math.min(page.oldestStart, trace.startMicros());
          sink.accept(trace);
        });
      } catch (BackendException e) {
        if (firstPage) {
          throw e;
        }
        return new FetchResult(traces, spans, false, e.getMessage());
      }
      firstPage = false;
      traces += page.fresh;
      spans += page.spans;
      if (progress != null) {
        progress.pageRead(service, traces, spans);
      }
      if (page.received < want) {
        return new FetchResult(traces, spans, false, null);
      }
      if (page.fresh == 0) {
        // A full page of traces already seen: more of them share the boundary than a page holds.
        // Step past it; the ones not yet returned there are lost, so say so.
        return new FetchResult(traces, spans, false, "more than " + pageSize
            + " traces start at the same instant; raise --page-size to read them all");
      }
      windowEnd = page.oldestStart;
      if (windowEnd < startMicros) {
        return new FetchResult(traces, spans, false, null);
      }
    }
    return new FetchResult(traces, spans, true, null);
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

  private static final class PageTally {
    int received;
    int fresh;
    long spans;
    long oldestStart = Long.MAX_VALUE;
  }
}
