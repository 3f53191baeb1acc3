package io.tracewire.testing.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads one output stream of a child process on its own thread, so the child never blocks on a full pipe,
 * optionally echoing each line with a prefix.
 */
final class OutputDrain {

  private final StringBuffer text = new StringBuffer();
  private final Thread thread;

  private OutputDrain(InputStream in, String threadName, PrintStream echo, String echoPrefix) {
    thread = new Thread(() -> pump(in, echo, echoPrefix), threadName);
    thread.setDaemon(true);
  }

  /** Starts draining {@code in}; when {@code echo} is not null each line is also printed there after {@code echoPrefix}. */
  static OutputDrain start(InputStream in, String threadName, PrintStream echo, String echoPrefix) {
    OutputDrain drain = new OutputDrain(in, threadName, echo, echoPrefix);
    drain.thread.start();
    return drain;
  }

  /** Waits for the stream to end (the child exited and closed it), at most {@code max}. */
  void await(Duration max) {
    try {
      thread.join(Math.max(1, max.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Everything read so far. */
  String text() {
    return text.toString();
  }

  private void pump(InputStream in, PrintStream echo, String echoPrefix) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        text.append(line).append('\n');
        if (echo != null) {
          echo.println(echoPrefix + line);
        }
      }
    } catch (IOException e) {
      // The pipe closes when the child is killed; what was read so far is kept.
    }
  }
}
