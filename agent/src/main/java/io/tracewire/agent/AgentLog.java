package io.tracewire.agent;

/**
 * The agent's own voice on standard error, every line prefixed {@code tracewire:}. By default it
 * prints the start-up line and warnings only; {@code otel.javaagent.debug=true} adds a line for
 * every transformation and every suppressed advice error.
 */
public final class AgentLog {

  private static volatile boolean debug;

  private AgentLog() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean isDebug() {
    return debug;
  }

  public static void info(String message) {
    System.err.println("tracewire: " + message);
  }

  public static void warn(String message) {
    System.err.println("tracewire: WARNING " + message);
  }

  public static void debug(String message) {
    if (debug) {
      System.err.println("tracewire: [debug] " + message);
    }
  }

  public static void debug(String message, Throwable error) {
    if (debug) {
      System.err.println("tracewire: [debug] " + message + ": " + error);
      error.printStackTrace();
    }
  }
}
