package io.tracewire.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;

/** A callable handed over with the context that was current then, restored only while it runs. */
final class ContextCallable<V> implements Callable<V> {

  private final Callable<V> task;
  private final Context context;

  ContextCallable(Callable<V> task, Context context) {
    this.task = task;
    this.context = context;
  }

  @Override
  public V call() throws Exception {
    try (Scope ignored = context.makeCurrent()) {
      return task.call();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
