package io.tracewire.exporter;

import java.net.HttpURLConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The export requests now on the wire. At exit the agent aborts them once its flush budget is
 * spent: a thread blocked reading from a collector that never answers would otherwise hold the
 * JVM's exit (the JVM waits for threads in native code before it halts).
 */
public final class InFlightRequests {

  private final Set<HttpURLConnection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean aborted;

  /** Closes every open request and makes every later one fail at once. */
  public void abortAll() {
    aborted = true;
    for (HttpURLConnection connection : open) {
      connection.disconnect();
    }
  }

  public boolean isAborted() {
    return aborted;
  }

  void opened(HttpURLConnection connection) {
    open.add(connection);
    if (aborted) {
      connection.disconnect();
    }
  }

  void closed(HttpURLConnection connection) {
    open.remove(connection);
  }
}
