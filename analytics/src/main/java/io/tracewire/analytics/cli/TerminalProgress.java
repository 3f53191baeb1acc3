package io.tracewire.analytics.cli;

import io.tracewire.analytics.backend.TraceFetcher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows a long fetch's progress on one line of stderr, rewritten in place, at most five times a
 * second. Used only when stderr is a terminal, so logs and pipes never get carriage returns.
 */
final class TerminalProgress implements TraceFetcher.Progress {

  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintStream err;
  private long lastPrint = System.nanoTime();
  private boolean printed;

  TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /** Whether this process's stderr is a terminal (Linux: where {@code /proc/self/fd/2} points). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      // No /proc: fall back to the JDK's view, which needs stdin and stdout to be terminals too.
      return System.console() != null;
    }
  }

  @Override
  public void pageRead(String service, long traces, long spans) {
    long now = System.nanoTime();
    if (now - lastPrint < INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    printed = true;
    err.print(String.format(Locale.ROOT, "\rreading %s: %,d traces, %,d spans\033[K", service, traces, spans));
    err.flush();
  }

  /** Clears the progress line before anything else is printed. */
  void finish() {
    if (printed) {
      err.print("\r\033[K");
      err.flush();
      printed = false;
    }
  }
}
