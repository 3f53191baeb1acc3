package io.tracewire.exporter;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The export requests now on the wire. Each has a deadline: socket timeouts bound each connect and
 * read but not a whole request (a collector that reads nothing, or trickles its answer, would hold
 * the exporting thread for good), so a request still open at its deadline is closed.
 * At exit the agent aborts every request once its flush budget is spent: a thread blocked on a
 * collector that never answers would otherwise hold the JVM's exit (the JVM waits for threads in
 * native code before it halts).
 *
 * <p>What is closed is the plain socket under any TLS layer, on a short-lived thread of its own, so
 * that closing never waits for the blocked exporting thread.
 */
public final class InFlightRequests {

  private final Set<Request> open = ConcurrentHashMap.newKeySet();
  private volatile ScheduledThreadPoolExecutor deadlines;
  private volatile boolean aborted;

  /** Closes every open request and makes every later one fail at once. Returns at once. */
  public void abortAll() {
    aborted = true;
    for (Request request : open) {
      request.close();
    }
  }

  public boolean isAborted() {
    return aborted;
  }

  /**
   * Tracks a request about to be sent; it is closed if still open after {@code deadlineMillis}
   * (0: no deadline).
   */
  Request opened(Socket socket, long deadlineMillis) {
    Request request = new Request(socket);
    open.add(request);
    if (deadlineMillis > 0) {
      request.deadline =
          deadlineScheduler().schedule(request::expire, deadlineMillis, TimeUnit.MILLISECONDS);
    }
    if (aborted) {
      request.close();
    }
    return request;
  }

  /**
   * Stops tracking a request that is over; {@code false} when its deadline closed it first (its
   * connection must then not be reused).
   */
  boolean closed(Request request) {
    open.remove(request);
    ScheduledFuture<?> deadline = request.deadline;
    if (deadline != null) {
      deadline.cancel(false);
    }
    return request.state.compareAndSet(Request.OPEN, Request.DONE);
  }

  private ScheduledThreadPoolExecutor deadlineScheduler() {
    ScheduledThreadPoolExecutor scheduler = deadlines;
    if (scheduler == null) {
      synchronized (this) {
        scheduler = deadlines;
        if (scheduler == null) {
          scheduler = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "tracewire-export-deadlines"));
          scheduler.setRemoveOnCancelPolicy(true);
          deadlines = scheduler;
        }
      }
    }
    return scheduler;
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** One request on the wire. */
  static final class Request {
    private static final int OPEN = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final Socket socket;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private volatile ScheduledFuture<?> deadline;

    private Request(Socket socket) {
      this.socket = socket;
    }

    /** Whether the request was closed because it outlived its deadline. */
    boolean expired() {
      return state.get() == EXPIRED;
    }

    private void expire() {
      if (state.compareAndSet(OPEN, EXPIRED)) {
        close();
      }
    }

    private void close() {
      daemon(this::closeSocket, "tracewire-export-close").start();
    }

    private void closeSocket() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is all that was asked.
      }
    }
  }
}
