package io.tracewire.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Prints each trace as a human-readable tree.
 *
 * <p>Spans arrive in end order, children before parents, so they are held per trace until the
 * trace's local root arrives; then that root's tree is printed at once. Spans still waiting after
 * the linger (checked on every export) are printed as an orphan tree: their parent ended too late
 * or was never exported. {@link #flush()} and {@link #shutdown()} print everything still waiting.
 * Each tree is written with a single {@code print}, so concurrent exports never mix their lines.
 */
public final class ConsoleTreeSpanExporter implements SpanExporter {

  public static final Duration DEFAULT_LINGER = Duration.ofSeconds(2);

  private final PrintStream out;
  private final long lingerNanos;
  private final LongSupplier nanoClock;
  private final Object lock = new Object();
  private final PendingTraces pending = new PendingTraces();
  private boolean shutdown;

  /** Prints to {@code out}, normally {@code System.out}, with the {@link #DEFAULT_LINGER}. */
  public ConsoleTreeSpanExporter(PrintStream out) {
    this(out, DEFAULT_LINGER);
  }

  /**
   * @param linger how long spans wait for their local root before they are printed as orphans
   */
  public ConsoleTreeSpanExporter(PrintStream out, Duration linger) {
    this(out, linger, System::nanoTime);
  }

  ConsoleTreeSpanExporter(PrintStream out, Duration linger, LongSupplier nanoClock) {
    this.out = Objects.requireNonNull(out, "out");
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative: " + linger);
    }
    this.lingerNanos = linger.toNanos();
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    try {
      synchronized (lock) {
        if (shutdown) {
          return CompletableResultCode.ofFailure();
        }
        long now = nanoClock.getAsLong();
        for (SpanData span : spans) {
          pending.add(span, now);
        }
        StringBuilder text = new StringBuilder();
        renderAll(text, pending.takeLocalRootTrees());
        renderAll(text, pending.takeArrivedBy(now - lingerNanos));
        print(text);
      }
      return CompletableResultCode.ofSuccess();
    } catch (RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  /** Prints every span still waiting for its local root. */
  @Override
  public CompletableResultCode flush() {
    try {
      synchronized (lock) {
        printAllPending();
      }
      return CompletableResultCode.ofSuccess();
    } catch (RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  @Override
  public CompletableResultCode shutdown() {
    synchronized (lock) {
      shutdown = true;
    }
    return flush();
  }

  private void printAllPending() {
    if (!pending.isEmpty()) {
      StringBuilder text = new StringBuilder();
      renderAll(text, pending.takeAll());
      print(text);
    }
  }

  private static void renderAll(StringBuilder text, List<List<SpanData>> traces) {
    for (List<SpanData> trace : traces) {
      TraceTreeRenderer.render(text, trace);
    }
  }

  private void print(StringBuilder text) {
    if (text.length() > 0) {
      out.print(text);
      out.flush();
    }
  }

  @Override
  public String toString() {
    return "ConsoleTreeSpanExporter";
  }
}
