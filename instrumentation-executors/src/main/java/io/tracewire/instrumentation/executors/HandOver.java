package io.tracewire.instrumentation.executors;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;

/** How a task handed to an executor gets the context that is current at hand-over. */
final class HandOver {

  private HandOver() {}

  /**
   * The task to hand over in place of {@code task}: the same object when its run is woven (its
   * context is remembered aside) or when there is nothing to carry, else a wrapper.
   *
   * @param forkJoinPool whether the executor runs fork-join tasks through {@code doExec}
   */
  static Runnable runnable(Runnable task, boolean forkJoinPool) {
    Context context = TaskContexts.toPropagate();
    if (context == null || task == null || task instanceof ContextRunnable || TaskContexts.hasContext(task)) {
      return task;
    }
    if (task instanceof FutureTask || forkJoinPool && task instanceof ForkJoinTask) {
      TaskContexts.captureFor(task);
      return task;
    }
    return new ContextRunnable(task, context);
  }

  static <V> Callable<V> callable(Callable<V> task) {
    Context context = TaskContexts.toPropagate();
    if (context == null || task == null || task instanceof ContextCallable) {
      return task;
    }
    return new ContextCallable<>(task, context);
  }

  /** A copy of {@code tasks} with each wrapped, in order; {@code tasks} itself when none needs it. */
  static <V> Collection<Callable<V>> callables(Collection<? extends Callable<V>> tasks) {
    if (TaskContexts.toPropagate() == null || tasks == null) {
      @SuppressWarnings("unchecked")
      Collection<Callable<V>> same = (Collection<Callable<V>>) tasks;
      return same;
    }
    List<Callable<V>> wrapped = new ArrayList<>(tasks.size());
    for (Callable<V> task : tasks) {
      wrapped.add(callable(task));
    }
    return wrapped;
  }

  /** The application's own task behind a wrapper. */
  static Runnable unwrap(Runnable task) {
    return task instanceof ContextRunnable ? ((ContextRunnable) task).task() : task;
  }
}
