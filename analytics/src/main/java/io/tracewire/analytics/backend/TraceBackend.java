package io.tracewire.analytics.backend;

import io.tracewire.analytics.model.TraceRecord;
import java.util.List;
import java.util.function.Consumer;

/** One tracing backend's query API, seen as services and pages of traces. */
public interface TraceBackend {

  /** The backend's name for messages, e.g. {@code zipkin}. */
  String name();

  /**
   * The precision of the query's time bounds in microseconds: 1,000 when the API takes
   * milliseconds. Traces starting within one such unit cannot be told apart by a query.
   */
  default long timeUnitMicros() {
    return 1;
  }

  /** Every service the backend knows. */
  List<String> services() throws BackendException;

  /**
   * Streams one page: at most {@code limit} traces holding spans of {@code service} in
   * {@code [startMicros, endMicros]}, newest first, each handed to {@code sink} as soon as it is
   * parsed so a page is never held whole.
   */
  void page(String service, long startMicros, long endMicros, int limit, Consumer<TraceRecord> sink)
      throws BackendException;
}
