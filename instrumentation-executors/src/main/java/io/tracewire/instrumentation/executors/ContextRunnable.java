package io.tracewire.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** A task handed over with the context that was current then, restored only while it runs. */
final class ContextRunnable implements Runnable {

  private final Runnable task;
  private final Context context;

  ContextRunnable(Runnable task, Context context) {
    this.task = task;
    this.context = context;
  }

  /** The application's own task. */
  Runnable task() {
    return task;
  }

  @Override
  public void run() {
    try (Scope ignored = context.makeCurrent()) {
      task.run();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
