package io.tracewire.analytics.cli;

import io.tracewire.analytics.TraceAnalytics;
import io.tracewire.analytics.backend.BackendException;
import io.tracewire.analytics.backend.JaegerBackend;
import io.tracewire.analytics.backend.TraceBackend;
import io.tracewire.analytics.backend.ZipkinBackend;
import io.tracewire.analytics.report.Report;
import io.tracewire.analytics.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * {@code java -jar tracewire-analytics.jar report ...}: reads traces from Zipkin or Jaeger and
 * prints where time and errors go. Every failure is one line on stderr starting with
 * {@code error:} and a non-zero exit code.
 */
public final class AnalyticsMain {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int PARTIAL = 3;

  private AnalyticsMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, TerminalProgress.stderrIsTerminal());
    System.exit(code);
  }

  /** Runs the command and returns the exit code; {@code progress} shows progress on {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean progress) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
      out.println(Arguments.USAGE);
      return OK;
    }
    Arguments arguments;
    try {
      // Whole seconds, rounded up so the newest traces are in the range.
      arguments = Arguments.parse(Arrays.asList(args), Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(Arguments.USAGE);
      return USAGE;
    }
    TerminalProgress terminal = progress ? new TerminalProgress(err) : null;
    Report report;
    try {
      report = TraceAnalytics.over(backend(arguments), arguments.url.toString())
          .range(arguments.start, arguments.end)
          .limit(arguments.limit)
          .pageSize(arguments.pageSize)
          .progress(terminal)
          .report(arguments.services);
    } catch (BackendException e) {
      finish(terminal);
      err.println("error: " + e.getMessage());
      return FAILED;
    }
    finish(terminal);
    try {
      write(report, arguments, out);
    } catch (IOException e) {
      err.println("error: cannot write the report" + (arguments.out == null ? "" : " to " + arguments.out)
          + ": " + e.getMessage());
      return FAILED;
    }
    if (report.partial()) {
      report.notes().stream().filter(note -> note.startsWith("PARTIAL")).forEach(note -> err.println("warning: " + note));
      return PARTIAL;
    }
    return OK;
  }

  private static TraceBackend backend(Arguments arguments) {
    return arguments.backend.equals("jaeger")
        ? new JaegerBackend(arguments.url, arguments.timeout)
        : new ZipkinBackend(arguments.url, arguments.timeout);
  }

  private static void write(Report report, Arguments arguments, PrintStream out) throws IOException {
    ReportFormat format = ReportFormat.named(arguments.format);
    if (arguments.out == null) {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      format.write(report, writer);
      writer.flush();
      return;
    }
    try (Writer writer = Files.newBufferedWriter(arguments.out, StandardCharsets.UTF_8)) {
      format.write(report, writer);
    }
  }

  private static void finish(TerminalProgress terminal) {
    if (terminal != null) {
      terminal.finish();
    }
  }
}
