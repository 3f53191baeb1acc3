package io.tracewire.testing.scenarios;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executors whose own code looks at the tasks it is given, and hand-overs that must not lend one
 * task's context to another. Prints what the application saw; the test checks the spans.
 */
public final class ExecutorsEdgeScenario {

  /** A task a priority pool orders by its priority. */
  static final class Prioritized implements Runnable, Comparable<Prioritized> {
    final int priority;
    final CountDownLatch done;

    Prioritized(int priority, CountDownLatch done) {
      this.priority = priority;
      this.done = done;
    }

    @Override
    public int compareTo(Prioritized other) {
      return Integer.compare(priority, other.priority);
    }

    @Override
    public void run() {
      done.countDown();
    }
  }

  /** The serial executor of {@code java.util.concurrent.Executor}'s documentation. */
  static final class SerialExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Executor executor;
    private Runnable active;

    SerialExecutor(Executor executor) {
      this.executor = executor;
    }

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(() -> {
        try {
          task.run();
        } finally {
          scheduleNext();
        }
      });
      if (active == null) {
        scheduleNext();
      }
    }

    private synchronized void scheduleNext() {
      if ((active = tasks.poll()) != null) {
        executor.execute(active);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Labels.step("start");
    priorityPool();
    hooksAndRejection();
    serialExecutor();
    forkJoinHelping();
    System.out.println("done");
  }

  /** Comparable tasks in a priority queue: compared with each other, never with a wrapper. */
  private static void priorityPool() throws InterruptedException {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new PriorityBlockingQueue<>());
    CountDownLatch done = new CountDownLatch(3);
    Labels.request("priority", () -> {
      for (int priority = 3; priority > 0; priority--) {
        pool.execute(new Prioritized(priority, done));
      }
    });
    ExecutorsScenario.await(done);
    pool.shutdown();
    System.out.println("priority tasks ran");
  }

  /** The pool's hooks and its rejection handler get the application's own task. */
  private static void hooksAndRejection() {
    Runnable[] seen = new Runnable[2];
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), (task, executor) -> {
          seen[1] = task;
          throw new RejectedExecutionException("full");
        }) {
          @Override
          protected void beforeExecute(Thread thread, Runnable task) {
            seen[0] = task;
          }
        };
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Runnable blocking = () -> {
      started.countDown();
      ExecutorsScenario.await(release);
    };
    Runnable rejected = () -> Labels.step("never");
    Labels.request("hooks", () -> {
      pool.execute(blocking);
      ExecutorsScenario.await(started);
      try {
        pool.execute(rejected);
      } catch (RejectedExecutionException expected) {
        // The pool is full.
      }
    });
    release.countDown();
    pool.shutdown();
    System.out.println("beforeExecute saw own task: " + (seen[0] == blocking));
    System.out.println("rejection handler saw own task: " + (seen[1] == rejected));
  }

  /**
   * Two tasks through one serial executor: the second, handed over with nothing current, is run by
   * the first one's worker and must not run in the first one's context.
   */
  private static void serialExecutor() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    SerialExecutor serial = new SerialExecutor(pool);
    CountDownLatch both = new CountDownLatch(2);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    Labels.request("serial", () -> serial.execute(() -> {
      Labels.step("serial");
      ExecutorsScenario.await(firstMayEnd);
      both.countDown();
    }));
    serial.execute(() -> {
      Labels.step("unrelated-serial");
      both.countDown();
    });
    firstMayEnd.countDown();
    ExecutorsScenario.await(both);
    pool.shutdown();
  }

  /** A worker that helps while it waits must not lend its context to the task it runs. */
  private static void forkJoinHelping() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(1);
    CountDownLatch queued = new CountDownLatch(1);
    ForkJoinTask<?> helper =
        ForkJoinTask.adapt(() -> {
          Labels.step("fj-help");
          ExecutorsScenario.await(queued);
          ForkJoinTask.helpQuiesce();
        });
    Labels.request("fj-help", () -> pool.execute(helper));
    pool.execute(() -> Labels.step("unrelated-fj"));
    queued.countDown();
    helper.get(10, TimeUnit.SECONDS);
    pool.awaitQuiescence(10, TimeUnit.SECONDS);
    pool.shutdown();
  }
}
