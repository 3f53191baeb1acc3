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
   * The task a JDK executor is handed in place of {@code task}: the same object when its run is
   * woven (its context is remembered aside) or when there is nothing to carry, else a wrapper.
   *
   * <p>A {@code Comparable} task is never wrapped: a priority queue compares its tasks with each
   * other, and the application's {@code compareTo} would meet the agent's wrapper. Such tasks run
   * without the context.
   *
   * @param forkJoinPool whether the executor runs fork-join tasks through {@code doExec}
   */
  static Runnable runnable(Runnable task, boolean forkJoinPool) {
    Context context = TaskContexts.toPropagate();
    if (context == null || task == null || task instanceof ContextRunnable) {
      return task;
    }
    // Only tasks whose own run is woven keep a context aside: others cost no lookup.
    boolean keepsItsOwn = task instanceof FutureTask || task instanceof ForkJoinTask;
    if (keepsItsOwn && TaskContexts.hasContext(task)) {
      return task;
    }
    if (task instanceof FutureTask || forkJoinPool && task instanceof ForkJoinTask) {
      TaskContexts.remember(task, context);
      return task;
    }
    if (task instanceof Comparable || isVirtualThreadContinuation(task)) {
      return task;
    }
    return new ContextRunnable(task, context);
  }

  /**
   * The task an application's own executor is handed in place of {@code task}. Only a lambda is
   * wrapped (the executor's own code may test or compare the tasks it is given, but a lambda has
   * nothing to test), and it is wrapped even with nothing current: an executor that runs its
   * tasks from inside other tasks (a serial executor draining its queue) must not run this one in
   * the context of the task that happens to drain it.
   */
  static Runnable forApplicationExecutor(Runnable task) {
    if (task == null || task instanceof ContextRunnable || !isLambda(task)) {
      return task;
    }
    Context context = TaskContexts.toPropagate();
    return new ContextRunnable(task, context == null ? Context.root() : context);
  }

  /** A lambda or method reference: a hidden class the JVM spun, with no identity of interest. */
  private static boolean isLambda(Object task) {
    return task.getClass().getName().contains("$$Lambda");
  }

  /**
   * A virtual thread's own continuation, scheduled again at every unpark: the thread carries its
   * context already (its task was wrapped when it was made).
   */
  private static boolean isVirtualThreadContinuation(Runnable task) {
    return task.getClass().getName().startsWith("java.lang.VirtualThread");
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
