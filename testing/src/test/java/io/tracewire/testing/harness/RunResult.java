package io.tracewire.testing.harness;

import java.time.Duration;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** What a finished {@link AgentRun} produced: exit code, output and the spans its exporter sent. */
public final class RunResult {

  private final List<String> command;
  private final int exitCode;
  private final String stdout;
  private final String stderr;
  private final Spans spans;
  private final OtlpReceiver receiver;
  private final Duration duration;

  RunResult(List<String> command, int exitCode, String stdout, String stderr, Spans spans, OtlpReceiver receiver,
      Duration duration) {
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
    this.spans = spans;
    this.receiver = receiver;
    this.duration = duration;
  }

  /** The child's exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** Everything the child printed to stdout (lines end with {@code \n}). */
  public String stdout() {
    return stdout;
  }

  /** Everything the child printed to stderr (lines end with {@code \n}). */
  public String stderr() {
    return stderr;
  }

  /** The spans the receiver had accepted when the run finished. */
  public Spans spans() {
    return spans;
  }

  /** The receiver the child exported to, e.g. to check request headers; already closed if the run owned it. */
  public OtlpReceiver receiver() {
    return receiver;
  }

  /** The command line that started the child. */
  public List<String> command() {
    return command;
  }

  /** How long the child ran, from start to exit. */
  public Duration duration() {
    return duration;
  }

  /**
   * Asserts the child exited with 0.
   *
   * @return this, for chaining
   * @throws AssertionFailedError otherwise, showing the command, stdout and stderr
   */
  public RunResult assertSuccess() {
    return assertExitCode(0);
  }

  /**
   * Asserts the child exited with {@code expected}.
   *
   * @return this, for chaining
   * @throws AssertionFailedError otherwise, showing the command, stdout and stderr
   */
  public RunResult assertExitCode(int expected) {
    if (exitCode != expected) {
      throw new AssertionFailedError("Child JVM exited with " + exitCode + ", expected " + expected + "\n" + describe(),
          expected, exitCode);
    }
    return this;
  }

  /** The command, exit code, stdout and stderr as text for failure messages. */
  public String describe() {
    return describe(command, "exit code " + exitCode, stdout, stderr);
  }

  static String describe(List<String> command, String outcome, String stdout, String stderr) {
    return "command: " + String.join(" ", command) + "\n" + outcome + "\n"
        + "----- stdout -----\n" + stdout + (stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n")
        + "----- stderr -----\n" + stderr + (stderr.endsWith("\n") || stderr.isEmpty() ? "" : "\n")
        + "------------------";
  }
}
