import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code execute(Runnable)} on a two-thread pool, at most 512 tasks outstanding: warm up, then
 * count completed tasks in a fixed window. With the argument {@code span} the loop runs inside
 * {@link #traced}, which the agents are told to trace ({@code otel.instrumentation.methods.include}),
 * so every hand-over happens with a span current; with {@code none}, with nothing current.
 */
public final class ExecutorThroughput {

  private static final Semaphore OUTSTANDING = new Semaphore(512);
  private static final LongAdder DONE = new LongAdder();
  private static final Runnable TASK =
      () -> {
        DONE.increment();
        OUTSTANDING.release();
      };

  public static void main(String[] args) throws Exception {
    double warmupSeconds = Double.parseDouble(args[0]);
    double measureSeconds = Double.parseDouble(args[1]);
    boolean inSpan = args[2].equals("span");
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1024));
    double perSecond =
        inSpan ? traced(pool, warmupSeconds, measureSeconds) : measure(pool, warmupSeconds, measureSeconds);
    pool.shutdown();
    System.out.printf("ops_per_s %.1f%n", perSecond);
  }

  /** Traced by the agents: the hand-overs below happen inside its span. */
  public static double traced(ThreadPoolExecutor pool, double warmupSeconds, double measureSeconds)
      throws InterruptedException {
    return measure(pool, warmupSeconds, measureSeconds);
  }

  private static double measure(ThreadPoolExecutor pool, double warmupSeconds, double measureSeconds)
      throws InterruptedException {
    runFor(pool, warmupSeconds);
    long before = DONE.sum();
    long start = System.nanoTime();
    runFor(pool, measureSeconds);
    long elapsed = System.nanoTime() - start;
    return (DONE.sum() - before) * 1e9 / elapsed;
  }

  private static void runFor(ThreadPoolExecutor pool, double seconds) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < 64; i++) {
        OUTSTANDING.acquire();
        pool.execute(TASK);
      }
    }
  }
}
