package io.tracewire.analytics.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.analytics.model.SpanRecord;
import io.tracewire.analytics.model.TraceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TraceFetcherTest {

  /** Traces newest first, as both query APIs answer: those starting at or before the window's end. */
  private static final class InMemoryBackend implements TraceBackend {
    final List<TraceRecord> traces = new ArrayList<>();
    final List<long[]> windows = new ArrayList<>();
    int failOnPage = -1;

    InMemoryBackend(long... starts) {
      for (int i = 0; i < starts.length; i++) {
        traces.add(new TraceRecord("t" + i,
            List.of(new SpanRecord("s" + i, null, "svc", "op", starts[i], 10, false, null))));
      }
      traces.sort((a, b) -> Long.compare(b.startMicros(), a.startMicros()));
    }

    @Override
    public String name() {
      return "memory";
    }

    @Override
    public List<String> services() {
      return List.of("svc");
    }

    @Override
    public void page(String service, long start, long end, int limit, Consumer<TraceRecord> sink)
        throws BackendException {
      windows.add(new long[] {start, end, limit});
      if (windows.size() - 1 == failOnPage) {
        throw new BackendException("zipkin answered HTTP 503");
      }
      traces.stream().filter(t -> t.startMicros() >= start && t.startMicros() <= end).limit(limit).forEach(sink);
    }
  }

  @Test
  void readsEveryTraceOnceAcrossPagesWithSharedBoundaries() throws Exception {
    // Ten traces, several sharing a start instant, so page boundaries fall inside the ties.
    InMemoryBackend backend = new InMemoryBackend(100, 200, 200, 200, 300, 400, 400, 500, 600, 700);
    List<String> seen = new ArrayList<>();
    FetchResult result = new TraceFetcher(backend, 3).fetch("svc", 0, 1000, 100, t -> seen.add(t.traceId()), null);
    assertEquals(10, seen.size(), seen.toString());
    assertEquals(10, new HashSet<>(seen).size(), "each trace once: " + seen);
    assertEquals(10, result.traces());
    assertFalse(result.limitReached());
    assertNull(result.partialReason());
    // Each next page ends at the oldest start seen so far.
    assertEquals(1000, backend.windows.get(0)[1]);
    assertEquals(500, backend.windows.get(1)[1]);
  }

  @Test
  void stopsAtTheLimitAndSaysSo() throws Exception {
    InMemoryBackend backend = new InMemoryBackend(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    Set<String> seen = new HashSet<>();
    FetchResult result = new TraceFetcher(backend, 4).fetch("svc", 0, 100, 6, t -> seen.add(t.traceId()), null);
    assertEquals(6, seen.size());
    assertTrue(result.limitReached());
    assertEquals(2, backend.windows.get(1)[2], "the last page asks only for what is left");
  }

  @Test
  void aFailureAfterTheFirstPageKeepsWhatWasReadAsPartial() throws Exception {
    InMemoryBackend backend = new InMemoryBackend(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    backend.failOnPage = 1;
    List<Long> progress = new ArrayList<>();
    FetchResult result = new TraceFetcher(backend, 4)
        .fetch("svc", 0, 100, 100, t -> { }, (service, traces, spans) -> progress.add(traces));
    assertEquals(4, result.traces());
    assertTrue(result.partial());
    assertEquals("zipkin answered HTTP 503", result.partialReason());
    assertEquals(List.of(4L), progress);
  }

  @Test
  void aFailureOnTheFirstPageIsAnError() {
    InMemoryBackend backend = new InMemoryBackend(1, 2, 3);
    backend.failOnPage = 0;
    assertThrows(BackendException.class, () -> new TraceFetcher(backend, 4).fetch("svc", 0, 100, 100, t -> { }, null));
  }

  @Test
  void morePagesOfTiesThanAPageHoldsIsReportedAsPartial() throws Exception {
    InMemoryBackend backend = new InMemoryBackend(5, 5, 5, 5, 5, 1);
    FetchResult result = new TraceFetcher(backend, 2).fetch("svc", 0, 100, 100, t -> { }, null);
    assertTrue(result.partial());
    assertTrue(result.partialReason().contains("--page-size"), result.partialReason());
  }
}
