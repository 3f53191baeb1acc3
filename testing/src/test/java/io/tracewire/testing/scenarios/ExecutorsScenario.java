package io.tracewire.testing.scenarios;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands work over to other threads in every way the executors instrumentation covers, each inside
 * a {@code request X} span, where the work makes a {@code step X} span. Argument: {@code apis}.
 */
public final class ExecutorsScenario {

  public static void main(String[] args) throws Exception {
    // Labels is held back until the agent is installed: every pool below is then woven already
    // (JDK classes that load while the agent installs are woven moments later).
    Labels.step("start");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    ForkJoinPool forkJoin = new ForkJoinPool(2);
    Executor own = new OwnExecutor();
    // Warm the pool so its threads exist before any request: threads never inherit context.
    pool.submit(() -> Labels.step("warm-up")).get();

    traced("execute", () -> awaitRun(task -> pool.execute(task), "execute"));
    traced("submit-runnable", () -> get(pool.submit(() -> { Labels.step("submit-runnable"); })));
    traced("submit-callable", () -> get(pool.submit(() -> Labels.step("submit-callable"))));
    traced("invoke-all", () -> {
      try {
        pool.invokeAll(List.<Callable<String>>of(() -> Labels.step("invoke-all")));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    traced("invoke-any", () -> {
      try {
        pool.invokeAny(List.<Callable<String>>of(() -> Labels.step("invoke-any")));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    traced("schedule-runnable", () -> get(scheduler.schedule(() -> { Labels.step("schedule-runnable"); }, 1, TimeUnit.MILLISECONDS)));
    traced("schedule-callable", () -> get(scheduler.schedule(() -> Labels.step("schedule-callable"), 1, TimeUnit.MILLISECONDS)));
    traced("fixed-rate", () -> {
      CountDownLatch twice = new CountDownLatch(2);
      ScheduledFuture<?> periodic =
          scheduler.scheduleAtFixedRate(() -> { Labels.step("fixed-rate"); twice.countDown(); }, 0, 5, TimeUnit.MILLISECONDS);
      await(twice);
      periodic.cancel(false);
    });
    traced("forkjoin-execute", () -> awaitRun(task -> forkJoin.execute(task), "forkjoin-execute"));
    traced("forkjoin-submit", () -> get(forkJoin.submit(() -> Labels.step("forkjoin-submit"))));
    traced("forkjoin-invoke", () -> forkJoin.invoke(new Sum(4, "forkjoin-invoke")));
    traced("common-pool", () -> get(CompletableFuture.supplyAsync(() -> Labels.step("common-pool"))));
    traced("run-async-executor", () -> get(CompletableFuture.runAsync(() -> Labels.step("run-async-executor"), pool)));
    traced("then-apply-async", () -> get(CompletableFuture.completedFuture("x").thenApplyAsync(x -> Labels.step("then-apply-async"), pool)));
    traced("own-executor", () -> awaitRun(own::execute, "own-executor"));
    // A stage chained now, completed later by a thread with another request current: the callback
    // runs in the context it was chained in.
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<String>[] chained = new CompletableFuture[1];
    traced("chained", () -> chained[0] = source.thenApply(x -> Labels.step("chained")));
    Thread completer = new Thread(() -> Labels.request("completer", () -> source.complete("done")));
    completer.start();
    completer.join();
    chained[0].get();
    if (Runtime.version().feature() >= 21) {
      traced("virtual-thread", () -> join(VirtualThreads.start(() -> Labels.step("virtual-thread"))));
      traced("virtual-executor", () -> {
        ExecutorService virtual = VirtualThreads.perTaskExecutor();
        get(virtual.submit(() -> Labels.step("virtual-executor")));
        virtual.shutdown();
      });
    }
    // Work handed over with nothing current runs with nothing current.
    get(pool.submit(() -> Labels.step("untraced")));
    System.out.println("shutdownNow returned " + shutdownNowKeepsOwnTasks() + " own tasks");
    pool.shutdown();
    scheduler.shutdown();
    forkJoin.shutdown();
    System.out.println("done");
  }

  /** The tasks a stopped pool hands back are the application's own objects. */
  private static int shutdownNowKeepsOwnTasks() {
    ThreadPoolExecutor single = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
    CountDownLatch blocked = new CountDownLatch(1);
    Runnable mine = () -> Labels.step("never");
    int[] own = new int[1];
    Labels.request("shutdown-now", () -> {
      single.execute(() -> {
        try {
          blocked.await();
        } catch (InterruptedException stopped) {
          // shutdownNow interrupts the running task.
        }
      });
      single.execute(mine);
      if (!single.remove(mine)) {
        throw new IllegalStateException("remove did not find the task");
      }
      single.execute(mine);
      for (Runnable pending : single.shutdownNow()) {
        if (pending == mine) {
          own[0]++;
        }
      }
      blocked.countDown();
    });
    return own[0];
  }

  private static void traced(String label, Runnable body) {
    Labels.request(label, body);
  }

  private static void awaitRun(java.util.function.Consumer<Runnable> executor, String label) {
    CountDownLatch ran = new CountDownLatch(1);
    executor.accept(() -> {
      Labels.step(label);
      ran.countDown();
    });
    await(ran);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static void get(java.util.concurrent.Future<?> future) {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forks a child per level; each leaf makes a step. */
  private static final class Sum extends RecursiveTask<Integer> {
    private final int size;
    private final String label;

    Sum(int size, String label) {
      this.size = size;
      this.label = label;
    }

    @Override
    protected Integer compute() {
      if (size <= 1) {
        Labels.step(label);
        return 1;
      }
      Sum left = new Sum(size / 2, label);
      left.fork();
      return new Sum(size - size / 2, label).compute() + left.join();
    }
  }

  /** An executor of the application's own: one new thread per task. */
  private static final class OwnExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
      new Thread(command).start();
    }
  }
}
