package io.tracewire.instrumentation.executors;

import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.Interceptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadPoolExecutor;

/** The executors module's interceptors: each one small, the logic in {@link HandOver}. */
final class Interceptors {

  private Interceptors() {}

  /** An interceptor that only acts on entry. */
  private abstract static class OnEnter implements Interceptor {
    @Override
    public final void onExit(Object state, Object self, Object returned, Throwable thrown) {}
  }

  /** {@code execute(Runnable)} of a JDK executor: the task carries the context over. */
  static final class Execute extends OnEnter {
    @Override
    public Object onEnter(Object self, Object[] args) {
      if (args[0] instanceof Runnable) {
        args[0] = HandOver.runnable((Runnable) args[0], self instanceof ForkJoinPool);
      }
      return null;
    }
  }

  /** {@code execute(Runnable)} of an application's executor: lambdas carry the context over. */
  static final class ExecuteInApplicationExecutor extends OnEnter {
    @Override
    public Object onEnter(Object self, Object[] args) {
      if (args[0] instanceof Runnable) {
        args[0] = HandOver.forApplicationExecutor((Runnable) args[0]);
      }
      return null;
    }
  }

  /**
   * The application's own hooks ({@code beforeExecute}, {@code afterExecute}, a rejection handler)
   * see its own task, never the agent's wrapper.
   */
  static final class UnwrapArgument extends OnEnter {
    private final int index;

    UnwrapArgument(int index) {
      this.index = index;
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      if (args[index] instanceof ContextRunnable) {
        args[index] = HandOver.unwrap((Runnable) args[index]);
      }
      return null;
    }
  }

  /** {@code ForkJoinPool.submit/execute(Runnable|Callable)}: wrapped, or remembered. */
  static final class ForkJoinSubmit extends OnEnter {
    @Override
    @SuppressWarnings("unchecked")
    public Object onEnter(Object self, Object[] args) {
      Object task = args[0];
      if (task instanceof ForkJoinTask) {
        TaskContexts.captureFor(task);
      } else if (task instanceof Runnable) {
        args[0] = HandOver.runnable((Runnable) task, true);
      } else if (task instanceof Callable) {
        args[0] = HandOver.callable((Callable<Object>) task);
      }
      return null;
    }
  }

  /** {@code invokeAll/invokeAny(Collection<Callable>)}: each callable carries the context. */
  static final class InvokeCollection extends OnEnter {
    @Override
    @SuppressWarnings("unchecked")
    public Object onEnter(Object self, Object[] args) {
      if (args[0] instanceof Collection) {
        args[0] = HandOver.callables((Collection<Callable<Object>>) args[0]);
      }
      return null;
    }
  }

  /** {@code ForkJoinTask.invokeAll(...)}: every task given remembers the context current now. */
  static final class CaptureArguments extends OnEnter {
    @Override
    public Object onEnter(Object self, Object[] args) {
      for (Object argument : args) {
        if (argument instanceof ForkJoinTask) {
          TaskContexts.captureFor(argument);
        } else if (argument instanceof Object[]) {
          for (Object task : (Object[]) argument) {
            TaskContexts.captureFor(task);
          }
        } else if (argument instanceof Collection) {
          for (Object task : (Collection<?>) argument) {
            TaskContexts.captureFor(task);
          }
        }
      }
      return null;
    }
  }

  /** A task object whose own run is woven remembers the context current now. */
  static final class CaptureArgument extends OnEnter {
    @Override
    public Object onEnter(Object self, Object[] args) {
      TaskContexts.captureFor(args[0]);
      return null;
    }
  }

  /** {@code ForkJoinTask.fork()}: the task remembers the context before another worker runs it. */
  static final class CaptureOnFork extends OnEnter {
    @Override
    public Object onEnter(Object self, Object[] args) {
      TaskContexts.captureFor(self);
      return null;
    }
  }

  /** A task's constructor: the new task remembers the context it was made in. */
  static final class CaptureOnConstruction implements Interceptor {
    @Override
    public Object onEnter(Object self, Object[] args) {
      return null;
    }

    @Override
    public void onExit(Object state, Object self, Object returned, Throwable thrown) {
      TaskContexts.captureFor(self);
    }
  }

  /** A constructor taking the task to run (a virtual thread's): the task carries the context. */
  static final class WrapRunnableArgument extends OnEnter {
    private final int index;

    WrapRunnableArgument(int index) {
      this.index = index;
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      if (args[index] instanceof Runnable) {
        args[index] = HandOver.runnable((Runnable) args[index], false);
      }
      return null;
    }
  }

  /** The run of a task whose context was remembered: current for exactly that long. */
  static final class RunInTaskContext implements Interceptor {
    private final boolean rootWhenNone;
    private final boolean forgetAfterRun;

    /**
     * @param rootWhenNone a task that remembered nothing runs with no context at all (for tasks
     *     that always remember, when there was something to remember: they must never pick up
     *     the context of whichever thread happens to run them)
     */
    RunInTaskContext(boolean rootWhenNone) {
      this(rootWhenNone, false);
    }

    /**
     * @param forgetAfterRun the task runs once ({@code FutureTask.run}): its context is dropped
     *     then, rather than kept for as long as the application keeps the future
     */
    RunInTaskContext(boolean rootWhenNone, boolean forgetAfterRun) {
      this.rootWhenNone = rootWhenNone;
      this.forgetAfterRun = forgetAfterRun;
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      return self == null ? null : TaskContexts.enter(self, rootWhenNone);
    }

    @Override
    public void onExit(Object state, Object self, Object returned, Throwable thrown) {
      if (state instanceof Scope) {
        ((Scope) state).close();
      }
      if (forgetAfterRun && state != null) {
        TaskContexts.forget(self);
      }
    }
  }

  /** {@code shutdownNow()} hands the application back its own tasks, never the agent's wrappers. */
  static final class UnwrapPending implements Interceptor {
    @Override
    public Object onEnter(Object self, Object[] args) {
      return null;
    }

    @Override
    public void onExit(Object state, Object self, Object returned, Throwable thrown) {}

    @Override
    public Object onReturn(Object state, Object self, Object returned) {
      if (!(returned instanceof List)) {
        return returned;
      }
      List<?> pending = (List<?>) returned;
      List<Runnable> own = new ArrayList<>(pending.size());
      for (Object task : pending) {
        own.add(HandOver.unwrap((Runnable) task));
      }
      return own;
    }
  }

  /** {@code ThreadPoolExecutor.remove(task)} finds the task behind the agent's wrapper. */
  static final class RemoveWrapped extends OnEnter {
    @Override
    public Object onEnter(Object self, Object[] args) {
      if (!(self instanceof ThreadPoolExecutor) || args[0] instanceof ContextRunnable) {
        return null;
      }
      for (Runnable queued : ((ThreadPoolExecutor) self).getQueue()) {
        if (queued instanceof ContextRunnable && ((ContextRunnable) queued).task() == args[0]) {
          args[0] = queued;
          break;
        }
      }
      return null;
    }
  }
}
