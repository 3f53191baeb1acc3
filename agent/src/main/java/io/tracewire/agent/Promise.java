package io.tracewire.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A value one agent thread makes and others wait for (the SDK, the exporter). The agent does not
 * use {@code CompletableFuture} for this: loading it at start-up brings {@code ForkJoinPool} and
 * the future's own task classes along, which the executors instrumentation would then have to
 * retransform, costing every application tens of milliseconds.
 */
public final class Promise<T> {

  private final CountDownLatch done = new CountDownLatch(1);
  private final List<BiConsumer<T, Throwable>> callbacks = new ArrayList<>();
  private volatile T value;
  private volatile Throwable failure;

  public void complete(T result) {
    settle(result, null);
  }

  public void fail(Throwable reason) {
    settle(null, reason);
  }

  private void settle(T result, Throwable reason) {
    List<BiConsumer<T, Throwable>> waiting;
    synchronized (callbacks) {
      if (done.getCount() == 0) {
        return;
      }
      value = result;
      failure = reason;
      done.countDown();
      waiting = new ArrayList<>(callbacks);
      callbacks.clear();
    }
    for (BiConsumer<T, Throwable> callback : waiting) {
      callback.accept(result, reason);
    }
  }

  public boolean isDone() {
    return done.getCount() == 0;
  }

  public boolean isFailed() {
    return isDone() && failure != null;
  }

  /** The value once made, else (not yet, or failed) {@code null}. Never waits. */
  public T getNow() {
    return isDone() ? value : null;
  }

  /** Waits at most that long; the value, or {@code null} if not made in time or failed. */
  public T await(long timeout, TimeUnit unit) {
    try {
      done.await(timeout, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return getNow();
  }

  /**
   * Runs {@code callback} with the value or the failure: at once if settled, else on the thread
   * that settles it.
   */
  public void whenDone(BiConsumer<T, Throwable> callback) {
    synchronized (callbacks) {
      if (done.getCount() != 0) {
        callbacks.add(callback);
        return;
      }
    }
    callback.accept(value, failure);
  }
}
