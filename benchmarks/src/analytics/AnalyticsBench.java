import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analytics row: the report command reads SPANS spans (ten per trace) from TracePageServer, a
 * generated Zipkin in its own JVM, in a JVM capped at HEAP_MB of heap. Prints, per run, the wall
 * time of the report's JVM from start to exit and its peak heap, then the median and spread.
 */
public final class AnalyticsBench {

  public static void main(String[] args) throws Exception {
    String java = System.getProperty("bench.java", "java");
    String jar = System.getProperty("bench.analytics.jar");
    String classes = System.getProperty("bench.analytics.classes");
    Path work = Path.of(System.getProperty("bench.work"));
    long spans = Long.getLong("bench.spans", 1_000_000);
    int runs = Integer.getInteger("bench.runs", 3);
    int heapMb = Integer.getInteger("bench.heap.mb", 256);
    long traces = spans / TracePageServer.SPANS_PER_TRACE;

    System.out.printf(Locale.ROOT, "analytics: %,d spans (%,d traces of 10 spans, 3 services) from a generated"
        + " Zipkin on loopback; report JVM -Xmx%dm; %d runs%n", spans, traces, heapMb, runs);
    Process server = new ProcessBuilder(java, "-cp", classes, "TracePageServer", String.valueOf(traces))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String port = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
      String url = "http://127.0.0.1:" + port;
      double[] seconds = new double[runs];
      double[] heap = new double[runs];
      Instant start = Instant.ofEpochMilli(TracePageServer.BASE_MS - 1000);
      Instant end = Instant.ofEpochMilli(TracePageServer.BASE_MS + traces + 1000);
      Path report = work.resolve("analytics-report.json");
      for (int run = 0; run < runs; run++) {
        List<String> command = List.of(java, "-Xmx" + heapMb + "m", "-cp", jar + File.pathSeparator + classes,
            "HeapReportingMain", "report", "--backend", "zipkin", "--url", url, "--service", "frontend",
            "--start", start.toString(), "--end", end.toString(), "--format", "json", "--out", report.toString());
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("the report did not finish within 120 s");
        }
        seconds[run] = (System.nanoTime() - t0) / 1e9;
        Matcher m = Pattern.compile("bench: exit=(\\d+) peak-heap-bytes=(\\d+) collections=(\\d+)").matcher(output);
        if (!m.find() || !m.group(1).equals("0")) {
          throw new IllegalStateException("the report failed:\n" + output);
        }
        heap[run] = Long.parseLong(m.group(2)) / 1048576.0;
        long read = tracesRead(report) * TracePageServer.SPANS_PER_TRACE;
        System.out.printf(Locale.ROOT, "run %d: %.2f s, peak heap %.1f MiB, %s collections, %,d spans read (%,.0f spans/s)%n",
            run + 1, seconds[run], heap[run], m.group(3), read, read / seconds[run]);
      }
      System.out.printf(Locale.ROOT, "%-30s %10s %22s%n", "analytics, " + spans / 1000 + "k spans", "median", "spread (min..max)");
      System.out.printf(Locale.ROOT, "%-30s %10.2f %22s%n", "wall time (s)", median(seconds), spread(seconds, "%.2f"));
      System.out.printf(Locale.ROOT, "%-30s %10.1f %22s%n", "peak heap (MiB)", median(heap), spread(heap, "%.1f"));
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static long tracesRead(Path report) throws IOException {
    Matcher m = Pattern.compile("\"traces\" : (\\d+)").matcher(Files.readString(report));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String spread(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, format + " .. " + format, sorted[0], sorted[sorted.length - 1]);
  }
}
