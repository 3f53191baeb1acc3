package io.tracewire.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.instrumentation.api.WeakIdentityMap;

/**
 * The context each handed-over task is to run in, for task types whose run the agent weaves
 * ({@code FutureTask}, {@code ForkJoinTask}, {@code CompletableFuture}'s own tasks). Held weakly:
 * a task that is never run, and dropped, leaves nothing behind.
 */
final class TaskContexts {

  private static final WeakIdentityMap<Object, Context> CONTEXTS = new WeakIdentityMap<>();

  private TaskContexts() {}

  /**
   * The context to hand over from this thread, or {@code null} when there is nothing to carry (no
   * span and no baggage: the root context), so that path costs nothing.
   */
  static Context toPropagate() {
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  /** Remembers the current context for {@code task}, unless it already has one. */
  static void captureFor(Object task) {
    Context context = toPropagate();
    if (context != null && task != null && CONTEXTS.get(task) == null) {
      CONTEXTS.put(task, context);
    }
  }

  /** Remembers {@code context} for a task known to have none yet. */
  static void remember(Object task, Context context) {
    CONTEXTS.put(task, context);
  }

  /** Drops what {@code task} remembered (it has run, and runs no more). */
  static void forget(Object task) {
    CONTEXTS.remove(task);
  }

  static boolean hasContext(Object task) {
    return CONTEXTS.get(task) != null;
  }

  /**
   * Makes the task's context current (or the root context, when it has none and {@code
   * rootWhenNone}); the scope restores the thread's own when closed.
   */
  static Scope enter(Object task, boolean rootWhenNone) {
    Context context = CONTEXTS.get(task);
    if (context == null) {
      if (!rootWhenNone || Context.current() == Context.root()) {
        return null;
      }
      context = Context.root();
    }
    return context.makeCurrent();
  }
}
