import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Overhead figures for no agent, Tracewire and the OpenTelemetry agent, measured in the same run
 * with the three configurations interleaved so that drift on a noisy machine hits all of them.
 * Prints tables only; it judges nothing.
 */
public final class Bench {

  static final String OTEL_VERSION = "2.33.1";
  static final List<String> ROWS =
      List.of("startup", "first-jdbc", "memory", "jar", "exit", "jdbc-throughput", "executor-throughput", "http-client-throughput", "jdbc-hot-path", "rabbitmq-throughput");

  enum Agent {
    NONE("no agent"),
    OURS("tracewire"),
    OTEL("otel " + OTEL_VERSION);

    final String label;

    Agent(String label) {
      this.label = label;
    }
  }

  /** One way of launching a workload within a pair (an agent plus its exporter settings). */
  static final class Variant {
    final String label;
    final Agent agent;
    final Supplier<List<String>> exporterArgs;

    Variant(String label, Agent agent, Supplier<List<String>> exporterArgs) {
      this.label = label;
      this.agent = agent;
      this.exporterArgs = exporterArgs;
    }
  }

  static final class Run {
    double millis;
    int exitCode;
    boolean timedOut;
    String stdout = "";
    String stderr = "";

    double wallMillis() {
      return millis;
    }
  }

  interface Metric {
    /** NaN marks a failed run; it is left out of every figure. */
    double of(Run run);
  }

  interface AfterRun {
    /** {@code pair} is negative for warm-up rounds. */
    void accept(int pair, Variant variant, Run run) throws Exception;
  }

  private final Path bench;
  private final Path work;
  private final Path logs;
  private final String java;
  private final Path ourJar;
  private final Path otelJar;
  private final Path h2Jar;
  private final String revision;
  private final List<String[]> summary = new ArrayList<>();
  private volatile Process current;

  Bench(Path bench, String java, Path ourJar, String revision) {
    this.bench = bench;
    this.work = bench.resolve("work");
    this.logs = work.resolve("logs");
    this.java = java;
    this.ourJar = ourJar;
    this.otelJar = work.resolve("opentelemetry-javaagent-" + OTEL_VERSION + ".jar");
    this.h2Jar = work.resolve("h2-2.4.240.jar");
    this.revision = revision;
  }

  public static void main(String[] args) throws Exception {
    String row = args.length > 0 ? args[0] : "all";
    if (!row.equals("all") && !ROWS.contains(row)) {
      System.err.println("unknown row '" + row + "'; expected all or one of " + ROWS);
      System.exit(2);
    }
    Bench b =
        new Bench(
            Paths.get(System.getProperty("bench.dir")).toAbsolutePath().normalize(),
            System.getProperty("bench.java", "java"),
            Paths.get(System.getProperty("bench.agent")).toAbsolutePath().normalize(),
            System.getProperty("bench.revision", "unknown"));
    Files.createDirectories(b.logs);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Process p = b.current;
                  if (p != null && p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                  }
                }));
    long start = System.nanoTime();
    b.header();
    for (String r : row.equals("all") ? ROWS : List.of(row)) {
      long rowStart = System.nanoTime();
      switch (r) {
        case "startup":
          b.startup();
          break;
        case "first-jdbc":
          b.firstJdbc();
          break;
        case "memory":
          b.memory();
          break;
        case "jar":
          b.jar();
          break;
        case "exit":
          b.exit();
          break;
        case "jdbc-throughput":
          b.throughput();
          break;
        case "executor-throughput":
          b.executorThroughput();
          break;
        case "http-client-throughput":
          b.httpClientThroughput();
          break;
        case "jdbc-hot-path":
          b.jdbcHotPath();
          break;
        case "rabbitmq-throughput":
          b.rabbitThroughput();
          break;
        default:
          throw new IllegalStateException(r);
      }
      System.out.printf(
          Locale.ROOT,
          "(%s took %.0f s; load average now %s)%n",
          r,
          (System.nanoTime() - rowStart) / 1e9,
          readFirstLine("/proc/loadavg"));
    }
    b.printSummary();
    System.out.printf(Locale.ROOT, "%ntotal time %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  // ---------------------------------------------------------------- rows

  void startup() throws Exception {
    int pairs = pairs(10);
    section("startup", "trivial main (prints one line), process start to exit, ms", pairs, 1);
    Map<Variant, double[]> values =
        paired("startup", "Hello", List.of(), pairs, 1, plainVariants(), 30_000, Run::wallMillis, null);
    table("startup (ms)", values, 1);
  }

  void firstJdbc() throws Exception {
    int pairs = pairs(10);
    section("first-jdbc", "H2 in-memory connection + one SELECT 1, process start to exit, ms", pairs, 1);
    Map<Variant, double[]> values =
        paired("first-jdbc", "FirstJdbc", List.of(), pairs, 1, plainVariants(), 60_000, Run::wallMillis, null);
    table("first-jdbc (ms)", values, 1);
  }

  void memory() throws Exception {
    int pairs = pairs(5);
    section("memory", "peak RSS (VmHWM) of 100 H2 statements, exporter none, MiB", pairs, 1);
    Metric hwm =
        run -> {
          String v = field(run.stdout, "VmHWM_kB");
          return v == null || Double.parseDouble(v) < 0 ? Double.NaN : Double.parseDouble(v) / 1024;
        };
    Map<Variant, double[]> values =
        paired("memory", "MemoryJdbc", List.of(), pairs, 1, plainVariants(), 60_000, hwm, null);
    table("memory peak RSS (MiB)", values, 1);
  }

  void jar() throws IOException {
    section("jar", "agent jar size, MiB", 0, 0);
    double ours = Files.size(ourJar) / 1048576.0;
    double otel = Files.size(otelJar) / 1048576.0;
    List<String> outside = new ArrayList<>();
    int classes = 0;
    int ourEntries = 0;
    try (ZipFile zip = new ZipFile(ourJar.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        ourEntries++;
        if (entry.getName().endsWith(".class")) {
          classes++;
          if (!entry.getName().startsWith("io/tracewire/")) {
            outside.add(entry.getName());
          }
        }
      }
    }
    int otelClasses = 0;
    try (ZipFile zip = new ZipFile(otelJar.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        // The reference agent hides most of its classes as .classdata.
        if (name.endsWith(".class") || name.endsWith(".classdata")) {
          otelClasses++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%-16s %10s %10s%n", "agent", "MiB", "classes");
    System.out.printf(Locale.ROOT, "%-16s %10.2f %10d%n", Agent.OURS.label, ours, classes);
    System.out.printf(Locale.ROOT, "%-16s %10.2f %10d%n", Agent.OTEL.label, otel, otelClasses);
    System.out.printf(
        Locale.ROOT, "ours is %.2fx the reference jar's size; %d entries in ours%n", ours / otel, ourEntries);
    if (outside.isEmpty()) {
      System.out.println("check: .class entries in ours outside io/tracewire/: none");
    } else {
      System.out.println("check: .class entries in ours outside io/tracewire/: " + outside.size());
      outside.stream().limit(50).forEach(n -> System.out.println("  " + n));
      if (outside.size() > 50) {
        System.out.println("  ... and " + (outside.size() - 50) + " more");
      }
    }
    summary.add(new String[] {"jar size (MiB)", Agent.OURS.label, fmt(ours, 2), "-", "-", "-"});
    summary.add(new String[] {"jar size (MiB)", Agent.OTEL.label, fmt(otel, 2), "-", "-", "-"});
    summary.add(new String[] {"jar classes", Agent.OURS.label, String.valueOf(classes), "-", "-", "-"});
    summary.add(new String[] {"jar classes", Agent.OTEL.label, String.valueOf(otelClasses), "-", "-", "-"});
    summary.add(new String[] {"jar .class not io/tracewire", Agent.OURS.label, String.valueOf(outside.size()), "-", "-", "-"});
  }

  void exit() throws Exception {
    // 3, not 5: the reference agent needs about 15 s per run here, and 3 pairs keep `all` near
    // 10 minutes; its figures are bound by timeouts and vary little.
    int pairs = pairs(3);
    int spans = intEnv("EXIT_SPANS", 20_000);
    long timeout = intEnv("EXIT_TIMEOUT_S", 60) * 1000L;
    section(
        "exit",
        spans + " H2 SELECT 1 then return from main, exporter otlp to a broken collector, default"
            + " batch/shutdown settings, process start to exit, ms (runs over "
            + timeout / 1000 + " s are killed)",
        pairs,
        0);
    overLimit = ">" + timeout / 1000 + " s";
    try (BlackHole hole = new BlackHole()) {
      System.out.println("dead collector: a freshly freed port per run; black hole: 127.0.0.1:"
          + hole.port() + " accepts and never reads or answers");
      Supplier<List<String>> dead = () -> otlpArgs(freePort());
      Supplier<List<String>> black = () -> otlpArgs(hole.port());
      Variant none = new Variant(Agent.NONE.label, Agent.NONE, List::of);
      Variant oursDead = new Variant(Agent.OURS.label, Agent.OURS, dead);
      Variant otelDead = new Variant(Agent.OTEL.label, Agent.OTEL, dead);
      Variant oursHole = new Variant(Agent.OURS.label, Agent.OURS, black);
      Variant otelHole = new Variant(Agent.OTEL.label, Agent.OTEL, black);
      Map<Variant, String> lastStderr = new LinkedHashMap<>();
      AfterRun after =
          (pair, variant, run) -> {
            lastStderr.put(variant, run.stderr);
            hole.dropConnections();
          };
      Map<Variant, double[]> values =
          paired(
              "exit",
              "ExitBurst",
              List.of(String.valueOf(spans)),
              pairs,
              0,
              List.of(none, oursDead, otelDead, oursHole, otelHole),
              timeout,
              Run::wallMillis,
              after);
      Map<Variant, double[]> deadValues = new LinkedHashMap<>();
      deadValues.put(none, values.get(none));
      deadValues.put(oursDead, values.get(oursDead));
      deadValues.put(otelDead, values.get(otelDead));
      Map<Variant, double[]> holeValues = new LinkedHashMap<>();
      holeValues.put(none, values.get(none));
      holeValues.put(oursHole, values.get(oursHole));
      holeValues.put(otelHole, values.get(otelHole));
      System.out.println("\n(a) dead collector (connection refused)");
      table("exit, dead collector (ms)", deadValues, 0);
      printAgentLines("tracewire stderr, last dead-collector run", lastStderr.get(oursDead));
      System.out.println("\n(b) black-hole collector (accepts, never answers)");
      table("exit, black hole (ms)", holeValues, 0);
      printAgentLines("tracewire stderr, last black-hole run", lastStderr.get(oursHole));
    } finally {
      overLimit = "killed";
    }
  }

  void throughput() throws Exception {
    int pairs = pairs(5);
    String warmup = env("WARMUP_S", "5");
    String measure = env("MEASURE_S", "10");
    section(
        "jdbc-throughput",
        "H2 primary-key lookups via one reused PreparedStatement, warm-up " + warmup + " s, measured "
            + measure + " s, exporter otlp to a local receiver, ops/s",
        pairs,
        0);
    try (Receiver receiver = new Receiver()) {
      System.out.println("receiver: http://127.0.0.1:" + receiver.port() + "/v1/traces (200, empty body)");
      List<Variant> variants = otlpVariants(receiver);
      Map<Variant, double[]> received = new LinkedHashMap<>();
      Map<Variant, double[]> executed = new LinkedHashMap<>();
      Map<Variant, double[]> receiverCpu = new LinkedHashMap<>();
      for (Variant v : variants) {
        received.put(v, nanArray(pairs));
        executed.put(v, nanArray(pairs));
        receiverCpu.put(v, nanArray(pairs));
      }
      AfterRun after =
          (pair, variant, run) -> {
            // The last export is answered before the JVM exits; the pause covers request threads
            // still counting it.
            Thread.sleep(300);
            long spans = receiver.takeSpans();
            double cpu = receiver.takeCpuSeconds();
            if (pair < 0) {
              return;
            }
            received.get(variant)[pair] = spans;
            receiverCpu.get(variant)[pair] = cpu;
            String statements = field(run.stdout, "statements");
            if (statements != null && run.exitCode == 0) {
              executed.get(variant)[pair] = Double.parseDouble(statements);
            }
          };
      receiver.takeSpans();
      receiver.takeCpuSeconds();
      long timeout = timeoutMillis(warmup, measure, 90);
      Map<Variant, double[]> values =
          paired("jdbc-throughput", "JdbcThroughput", List.of(warmup, measure), pairs, 0, variants, timeout, Bench::opsPerSecond, after);
      table("jdbc-throughput (ops/s)", values, 0);
      double[] base = values.get(variants.get(0));
      System.out.println("added time per statement (median of pairs, 1e6/ops - 1e6/ops_none):");
      for (Variant v : variants.subList(1, 3)) {
        double[] x = values.get(v);
        double[] d = new double[pairs];
        for (int i = 0; i < pairs; i++) {
          d[i] = 1e6 / x[i] - 1e6 / base[i];
        }
        System.out.printf(Locale.ROOT, "  %-14s %+.2f us%n", v.label, median(d));
      }
      System.out.println("spans received vs statements executed (median of runs):");
      for (Variant v : variants.subList(1, 3)) {
        double r = median(received.get(v));
        double e = median(executed.get(v));
        System.out.printf(
            Locale.ROOT,
            "  %-14s %12s spans of %12s statements (%s)%n",
            v.label,
            fmt(r, 0),
            fmt(e, 0),
            e > 0 && !Double.isNaN(r) ? fmt(100 * r / e, 1) + "%" : "-");
      }
      System.out.println("  (per run: " + perRun(variants.subList(1, 3), received) + ")");
      System.out.print("receiver CPU per run (median), taken from the same 2 cores:");
      for (Variant v : variants.subList(1, 3)) {
        System.out.printf(Locale.ROOT, "  %s %.1f s", v.label, median(receiverCpu.get(v)));
      }
      System.out.println();
    }
  }

  void executorThroughput() throws Exception {
    int pairs = pairs(5);
    String warmup = env("WARMUP_S", "3");
    String measure = env("MEASURE_S", "5");
    section(
        "executor-throughput",
        "ThreadPoolExecutor(2).execute of a trivial task, 512 outstanding, warm-up " + warmup
            + " s, measured " + measure + " s, exporter none, tasks/s",
        pairs,
        0);
    Metric ops = Bench::opsPerSecond;
    long timeout = timeoutMillis(warmup, measure, 60);
    List<String> traced =
        List.of("-Dotel.instrumentation.methods.include=ExecutorThroughput[traced]");
    List<Variant> variants =
        plainVariants().stream()
            .map(v -> new Variant(v.label, v.agent, () -> concat(v.exporterArgs.get(), traced)))
            .collect(Collectors.toList());
    for (String mode : List.of("span", "none")) {
      System.out.println("\n(" + mode + ") " + (mode.equals("span") ? "a span is current at every hand-over" : "nothing is current"));
      Map<Variant, double[]> values =
          paired("executor-throughput", "ExecutorThroughput", List.of(warmup, measure, mode), pairs, 0, variants, timeout, ops, null);
      table("executor-throughput, " + mode + " (tasks/s)", values, 0);
    }
  }

  void httpClientThroughput() throws Exception {
    int pairs = pairs(5);
    String warmup = env("WARMUP_S", "3");
    String measure = env("MEASURE_S", "5");
    section(
        "http-client-throughput",
        "sequential GETs over one kept-alive connection to a loopback server (200, empty body),"
            + " warm-up " + warmup + " s, measured " + measure + " s, exporter otlp to the same"
            + " server, requests/s",
        pairs,
        0);
    try (Receiver server = new Receiver()) {
      String url = "http://127.0.0.1:" + server.port() + "/hello";
      List<Variant> variants = otlpVariants(server);
      Metric ops = Bench::opsPerSecond;
      long timeout = timeoutMillis(warmup, measure, 60);
      for (String client : List.of("jdk", "okhttp")) {
        System.out.println("\n(" + client + ")");
        Map<Variant, double[]> values =
            paired("http-client-throughput", "HttpClientThroughput", List.of(url, client, warmup, measure), pairs, 0, variants, timeout, ops, null);
        table("http-client-throughput, " + client + " (requests/s)", values, 0);
        System.out.println("spans received during the " + client + " runs: " + server.takeSpans());
      }
    }
  }

  void rabbitThroughput() throws Exception {
    int pairs = pairs(5);
    String warmup = env("WARMUP_S", "3");
    String measure = env("MEASURE_S", "5");
    section(
        "rabbitmq-throughput",
        "publish + consume of 100-byte messages through the RabbitMQ broker on 127.0.0.1:5672"
            + " (two connections, 256 in flight, automatic acknowledgement), warm-up " + warmup
            + " s, measured " + measure + " s, exporter otlp to a loopback receiver, messages/s",
        pairs,
        0);
    try (java.net.Socket probe = new java.net.Socket()) {
      probe.connect(new java.net.InetSocketAddress("127.0.0.1", 5672), 1000);
    } catch (java.io.IOException e) {
      System.out.println("skipped: no RabbitMQ at 127.0.0.1:5672 (" + e.getMessage() + ")");
      return;
    }
    try (Receiver receiver = new Receiver()) {
      List<Variant> variants = otlpVariants(receiver);
      Metric ops = Bench::opsPerSecond;
      long timeout = timeoutMillis(warmup, measure, 60);
      Map<Variant, double[]> values =
          paired("rabbitmq-throughput", "RabbitThroughput", List.of(warmup, measure), pairs, 0, variants, timeout, ops, null);
      table("rabbitmq-throughput (messages/s)", values, 0);
      System.out.println("spans received: " + receiver.takeSpans());
    }
  }

  /**
   * Tracing switched off first (no exporter: our SDK has no span processor and the JDBC module does
   * no span work; the reference agent keeps its thread-details processor and records every span),
   * then the same loops recording every span and exporting it over OTLP.
   */
  void jdbcHotPath() throws Exception {
    int pairs = pairs(5);
    String warmup = env("WARMUP_S", "3");
    String measure = env("MEASURE_S", "6");
    section(
        "jdbc-hot-path",
        "H2 in memory, each iteration prepare + execute + read + close (prepare), or one reused"
            + " statement (reuse), warm-up " + warmup + " s, measured " + measure
            + " s, with the exporter off (otel.traces.exporter=none), then exporting over otlp to a"
            + " loopback receiver, iterations/s",
        pairs,
        0);
    try (Receiver receiver = new Receiver()) {
      long timeout = timeoutMillis(warmup, measure, 60);
      Map<String, List<Variant>> exports = new LinkedHashMap<>();
      exports.put("exporter none", plainVariants());
      exports.put("otlp", otlpVariants(receiver));
      for (Map.Entry<String, List<Variant>> export : exports.entrySet()) {
        for (String mode : List.of("prepare", "reuse")) {
          String label = mode + ", " + export.getKey();
          System.out.println("\n(" + label + ")");
          Map<Variant, double[]> values =
              paired("jdbc-hot-path", "JdbcPrepareLoop", List.of(warmup, measure, mode), pairs, 0, export.getValue(), timeout, Bench::opsPerSecond, null);
          table("jdbc-hot-path, " + label + " (iterations/s)", values, 0);
          if (export.getKey().equals("otlp")) {
            System.out.println("spans received during the " + label + " runs: " + receiver.takeSpans());
          }
        }
      }
    }
  }

  /** No agent; both agents exporting over OTLP to {@code receiver}. */
  private List<Variant> otlpVariants(Receiver receiver) {
    Supplier<List<String>> otlp = () -> otlpArgs(receiver.port());
    return List.of(
        new Variant(Agent.NONE.label, Agent.NONE, List::of),
        new Variant(Agent.OURS.label, Agent.OURS, otlp),
        new Variant(Agent.OTEL.label, Agent.OTEL, otlp));
  }

  /** A run's time limit: its warm-up and measured windows plus start-up and exit slack. */
  private static long timeoutMillis(String warmup, String measure, int slackSeconds) {
    return (long) ((Double.parseDouble(warmup) + Double.parseDouble(measure) + slackSeconds) * 1000);
  }

  /** The {@code ops_per_s} a throughput workload prints. */
  private static double opsPerSecond(Run run) {
    String v = field(run.stdout, "ops_per_s");
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  // ---------------------------------------------------------------- measuring

  List<Variant> plainVariants() {
    List<String> none = List.of(
        "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
    return List.of(
        new Variant(Agent.NONE.label, Agent.NONE, List::of),
        new Variant(Agent.OURS.label, Agent.OURS, () -> none),
        new Variant(Agent.OTEL.label, Agent.OTEL, () -> none));
  }

  static List<String> otlpArgs(int port) {
    return List.of(
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + port,
        "-Dotel.metrics.exporter=none",
        "-Dotel.logs.exporter=none");
  }

  /**
   * Runs every variant once per pair, in the given order, after {@code warmupRounds} uncounted
   * rounds that bring the jars into the page cache.
   */
  Map<Variant, double[]> paired(
      String row,
      String mainClass,
      List<String> programArgs,
      int pairs,
      int warmupRounds,
      List<Variant> variants,
      long timeoutMillis,
      Metric metric,
      AfterRun after)
      throws Exception {
    Map<Variant, double[]> values = new LinkedHashMap<>();
    for (Variant v : variants) {
      values.put(v, nanArray(pairs));
    }
    for (int round = -warmupRounds; round < pairs; round++) {
      StringBuilder line =
          new StringBuilder(round < 0 ? "  warm-up    " : String.format(Locale.ROOT, "  pair %2d/%-2d ", round + 1, pairs));
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get(i);
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        if (v.agent == Agent.OURS) {
          cmd.add("-javaagent:" + ourJar);
        } else if (v.agent == Agent.OTEL) {
          cmd.add("-javaagent:" + otelJar);
        }
        cmd.addAll(v.exporterArgs.get());
        cmd.add("-cp");
        cmd.add(work.resolve("classes") + File.pathSeparator + h2Jar + File.pathSeparator + work.resolve("lib") + File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(programArgs);
        Run run = launch(cmd, timeoutMillis, row + "-" + i + "-" + v.agent.name().toLowerCase(Locale.ROOT));
        double value;
        String shown;
        if (run.timedOut) {
          value = Double.POSITIVE_INFINITY;
          shown = ">" + timeoutMillis / 1000 + "s(killed)";
        } else if (run.exitCode != 0) {
          value = Double.NaN;
          shown = "FAILED(exit " + run.exitCode + ")";
          if (round >= 0) {
            System.out.println("    " + v.label + " failed; stderr tail:");
            tail(run.stderr, 8).forEach(l -> System.out.println("      " + l));
          }
        } else {
          value = metric.of(run);
          shown = Double.isNaN(value) ? "FAILED(no figure)" : fmt(value, value >= 1000 ? 0 : 1);
        }
        if (round >= 0) {
          values.get(v)[round] = value;
        }
        if (after != null) {
          after.accept(round, v, run);
        }
        line.append(String.format(Locale.ROOT, " %s %s", v.label + ":", shown)).append(i < variants.size() - 1 ? "," : "");
      }
      System.out.println(line);
    }
    return values;
  }

  Run launch(List<String> cmd, long timeoutMillis, String logName) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // Settings from the caller's shell would skew one agent's figures.
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("TRACEWIRE_"));
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    Path out = logs.resolve(logName + ".out");
    Path err = logs.resolve(logName + ".err");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Run run = new Run();
    long t0 = System.nanoTime();
    Process p = pb.start();
    current = p;
    boolean done = p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    long t1 = System.nanoTime();
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
      run.timedOut = true;
    }
    current = null;
    run.millis = (t1 - t0) / 1e6;
    run.exitCode = p.exitValue();
    run.stdout = Files.readString(out, StandardCharsets.UTF_8);
    run.stderr = Files.readString(err, StandardCharsets.UTF_8);
    return run;
  }

  // ---------------------------------------------------------------- printing

  void header() throws Exception {
    System.out.println("Tracewire overhead benchmarks");
    System.out.println("date:      " + ZonedDateTime.now().withNano(0));
    System.out.println("revision:  " + revision);
    for (String l : javaVersion()) {
      System.out.println("jvm:       " + l);
    }
    System.out.println("java:      " + java);
    System.out.println("cpus:      " + Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
    System.out.println("memory:    " + meminfo("MemTotal") + " total, " + meminfo("MemAvailable") + " available");
    System.out.println("kernel:    " + readFirstLine("/proc/sys/kernel/osrelease"));
    System.out.println("load avg:  " + readFirstLine("/proc/loadavg"));
    System.out.println("ours:      " + System.getProperty("bench.agent.source", ourJar.toString())
        + " (built " + Files.getLastModifiedTime(ourJar).toInstant().truncatedTo(ChronoUnit.SECONDS)
        + ", run from a copy at " + ourJar + ")");
    System.out.println("reference: " + otelJar);
    System.out.println("Figures: median over pairs; spread = min..max of the per-pair values;"
        + " added = median of per-pair differences to no agent; ratio = median of per-pair ratios.");
  }

  void section(String name, String what, int pairs, int warmupRounds) {
    System.out.println();
    System.out.println("== " + name + ": " + what);
    if (pairs > 0) {
      System.out.println(
          "   " + pairs + " pairs" + (warmupRounds > 0 ? " after " + warmupRounds + " uncounted warm-up round" : "")
              + ", configurations interleaved within each pair");
    }
  }

  static final String ROW_FORMAT = "%-28s %-14s %12s %22s %12s %10s%n";

  void table(String rowName, Map<Variant, double[]> values, int decimals) {
    List<Variant> variants = new ArrayList<>(values.keySet());
    double[] base = values.get(variants.get(0));
    System.out.printf(Locale.ROOT, ROW_FORMAT, "row", "configuration", "median", "spread (min..max)", "added", "ratio");
    for (Variant v : variants) {
      double[] x = values.get(v);
      int ok = count(x);
      String added = "-";
      String ratio = "-";
      if (v.agent != Agent.NONE) {
        double[] d = new double[x.length];
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          d[i] = x[i] - base[i];
          r[i] = x[i] / base[i];
        }
        added = signed(median(d), decimals);
        double m = median(r);
        ratio = Double.isNaN(m) || Double.isInfinite(m) ? "-" : fmt(m, 2) + "x";
      } else {
        ratio = "1.00x";
      }
      String spread = fmt(min(x), decimals) + " .. " + fmt(max(x), decimals);
      String med = fmt(median(x), decimals) + (ok < x.length ? " (" + ok + "/" + x.length + " ok)" : "");
      String[] cells = {rowName, v.label, med, spread, added, ratio};
      System.out.printf(Locale.ROOT, ROW_FORMAT, (Object[]) cells);
      summary.add(cells);
    }
  }

  void printSummary() {
    System.out.println();
    System.out.println("== summary");
    System.out.printf(Locale.ROOT, ROW_FORMAT, "row", "configuration", "median", "spread (min..max)", "added", "ratio");
    String last = null;
    for (String[] cells : summary) {
      String[] shown = cells.clone();
      if (shown[0].equals(last)) {
        shown[0] = "";
      }
      last = cells[0];
      System.out.printf(Locale.ROOT, ROW_FORMAT, (Object[]) shown);
    }
  }

  static void printAgentLines(String title, String stderr) {
    System.out.println(title + ":");
    List<String> lines = new ArrayList<>();
    if (stderr != null) {
      for (String l : stderr.split("\\R")) {
        if (l.startsWith("tracewire:")) {
          lines.add(l);
        }
      }
    }
    if (lines.isEmpty()) {
      System.out.println("  (none)");
    }
    lines.stream().limit(20).forEach(l -> System.out.println("  " + l));
  }

  static String perRun(List<Variant> variants, Map<Variant, double[]> received) {
    StringBuilder b = new StringBuilder();
    for (Variant v : variants) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(v.label).append(' ');
      double[] x = received.get(v);
      for (int i = 0; i < x.length; i++) {
        b.append(i == 0 ? "" : "/").append(fmt(x[i], 0));
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- statistics and formatting

  static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  static double[] finiteOrInf(double[] x) {
    return Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
  }

  static int count(double[] x) {
    return finiteOrInf(x).length;
  }

  static double median(double[] x) {
    double[] s = finiteOrInf(x);
    if (s.length == 0) {
      return Double.NaN;
    }
    int m = s.length / 2;
    if (s.length % 2 == 1) {
      return s[m];
    }
    double a = s[m - 1];
    double b = s[m];
    return Double.isInfinite(b) ? b : (a + b) / 2;
  }

  static double min(double[] x) {
    double[] s = finiteOrInf(x);
    return s.length == 0 ? Double.NaN : s[0];
  }

  static double max(double[] x) {
    double[] s = finiteOrInf(x);
    return s.length == 0 ? Double.NaN : s[s.length - 1];
  }

  /** How a killed run shows up in the tables; the exit row names its limit. */
  static String overLimit = "killed";

  static String fmt(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? overLimit : "-";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String signed(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return fmt(v, decimals);
    }
    return String.format(Locale.ROOT, "%+." + decimals + "f", v);
  }

  // ---------------------------------------------------------------- small helpers

  static String field(String text, String name) {
    for (String l : text.split("\\R")) {
      if (l.startsWith(name + " ")) {
        return l.substring(name.length() + 1).trim().split("\\s+")[0];
      }
    }
    return null;
  }

  static List<String> tail(String text, int n) {
    List<String> lines = Arrays.asList(text.split("\\R"));
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  static int pairs(int defaultPairs) {
    return intEnv("PAIRS", defaultPairs);
  }

  static int intEnv(String name, int defaultValue) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? defaultValue : Integer.parseInt(v.trim());
  }

  static String env(String name, String defaultValue) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? defaultValue : v.trim();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> javaVersion() throws Exception {
    Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\\R")) {
      if (!l.isBlank()) {
        lines.add(l.trim());
      }
    }
    return lines;
  }

  static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "cpu model unknown";
  }

  static String meminfo(String key) {
    try {
      for (String l : Files.readAllLines(Paths.get("/proc/meminfo"))) {
        if (l.startsWith(key + ":")) {
          long kb = Long.parseLong(l.substring(key.length() + 1).replace("kB", "").trim());
          return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return "?";
  }

  static String readFirstLine(String path) {
    try {
      return Files.readAllLines(Paths.get(path)).get(0).trim();
    } catch (IOException | IndexOutOfBoundsException e) {
      return "?";
    }
  }

  // ---------------------------------------------------------------- collectors

  /** Accepts connections and never reads from or answers them. */
  static final class BlackHole implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());

    BlackHole() throws IOException {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    held.add(server.accept());
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "black-hole");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    /** Each run starts with no leftovers from the previous one. */
    void dropConnections() {
      synchronized (held) {
        for (Socket s : held) {
          try {
            s.close();
          } catch (IOException e) {
            // already gone
          }
        }
        held.clear();
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      dropConnections();
    }
  }

  /** A minimal OTLP/HTTP trace receiver that counts spans and answers 200 with an empty body. */
  static final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong badBodies = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.createContext("/", this::handle);
      server.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "receiver");
        t.setDaemon(true);
        return t;
      }));
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    long takeSpans() {
      return spans.getAndSet(0);
    }

    /** CPU the request handlers used since the last call: the receiver shares the 2 cores. */
    double takeCpuSeconds() {
      return cpuNanos.getAndSet(0) / 1e9;
    }

    private void handle(HttpExchange exchange) throws IOException {
      long cpuStart = threads.getCurrentThreadCpuTime();
      try {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
          String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
          if (encoding != null && encoding.contains("gzip")) {
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(body))) {
              body = gz.readAllBytes();
            }
          }
          String type = exchange.getRequestHeaders().getFirst("Content-Type");
          try {
            spans.addAndGet(type != null && type.contains("json") ? countJsonSpans(body) : countSpans(body));
          } catch (RuntimeException e) {
            badBodies.incrementAndGet();
          }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      } finally {
        exchange.close();
        cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
      }
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /**
   * Counts spans in an ExportTraceServiceRequest without a protobuf library: resource_spans (1)
   * hold scope_spans (2), which hold spans (2).
   */
  static long countSpans(byte[] b) {
    return countAt(b, 0, b.length, new int[] {1, 2, 2}, 0);
  }

  private static long countAt(byte[] b, int start, int end, int[] path, int depth) {
    long count = 0;
    int[] pos = {start};
    while (pos[0] < end) {
      long tag = varint(b, pos);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      switch (wire) {
        case 0:
          varint(b, pos);
          break;
        case 1:
          pos[0] += 8;
          break;
        case 5:
          pos[0] += 4;
          break;
        case 2:
          int length = (int) varint(b, pos);
          int from = pos[0];
          pos[0] += length;
          if (pos[0] > end) {
            throw new IllegalArgumentException("truncated");
          }
          if (field == path[depth]) {
            count += depth == path.length - 1 ? 1 : countAt(b, from, from + length, path, depth + 1);
          }
          break;
        default:
          throw new IllegalArgumentException("wire type " + wire);
      }
    }
    return count;
  }

  private static long varint(byte[] b, int[] pos) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte x = b[pos[0]++];
      value |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("bad varint");
  }

  static long countJsonSpans(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    long n = 0;
    for (int i = text.indexOf("\"spanId\""); i >= 0; i = text.indexOf("\"spanId\"", i + 1)) {
      n++;
    }
    return n;
  }
}
