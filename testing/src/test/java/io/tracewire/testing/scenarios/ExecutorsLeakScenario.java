package io.tracewire.testing.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many threads hand thousands of tasks to a small pool, half inside a request and half with
 * nothing current; some tasks throw, some are cancelled before they run. Then a probe runs on
 * every worker with nothing current. Every {@code step X} must be the child of {@code request X}
 * when there is one, else a root. Arguments: threads, tasks per thread.
 */
public final class ExecutorsLeakScenario {

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int tasksPerThread = Integer.parseInt(args[1]);
    Labels.step("start");
    int workers = 2;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    List<Thread> clients = new ArrayList<>();
    int[] cancelled = new int[1];
    for (int t = 0; t < threads; t++) {
      int client = t;
      Thread thread =
          new Thread(
              () -> {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < tasksPerThread; i++) {
                  String label = client + "-" + i;
                  if (i % 2 == 0) {
                    Labels.request(label, () -> futures.add(handOver(pool, scheduler, label, cancelled)));
                  } else {
                    futures.add(handOver(pool, scheduler, "free-" + label, cancelled));
                  }
                }
                for (Future<?> future : futures) {
                  try {
                    future.get(30, TimeUnit.SECONDS);
                  } catch (Exception expected) {
                    // Thrown on purpose, or cancelled.
                  }
                }
              });
      clients.add(thread);
      thread.start();
    }
    for (Thread thread : clients) {
      thread.join();
    }
    // Each worker runs one probe with nothing current: it must not find a left-over context.
    CountDownLatch allWorkers = new CountDownLatch(workers);
    List<Future<?>> probes = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int probe = w;
      probes.add(pool.submit(() -> {
        allWorkers.countDown();
        ExecutorsScenario.await(allWorkers);
        Labels.step("probe-" + probe);
      }));
    }
    for (Future<?> probe : probes) {
      probe.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    scheduler.shutdown();
    System.out.println("cancelled=" + cancelled[0]);
    System.out.println("done");
  }

  /** Every seventh task throws; every eleventh is scheduled far ahead and cancelled. */
  private static Future<?> handOver(
      ExecutorService pool, ScheduledExecutorService scheduler, String label, int[] cancelled) {
    int number = Integer.parseInt(label.substring(label.lastIndexOf('-') + 1));
    if (number % 11 == 0) {
      ScheduledFuture<?> later = scheduler.schedule(() -> Labels.step(label), 1, TimeUnit.HOURS);
      if (later.cancel(false)) {
        synchronized (cancelled) {
          cancelled[0]++;
        }
      }
      return later;
    }
    return pool.submit(() -> {
      Labels.step(label);
      if (number % 7 == 0) {
        throw new IllegalStateException("task " + label + " fails on purpose");
      }
    });
  }
}
