package io.tracewire.testing.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * Starts a child JVM the way a user would start a traced application ({@code java -javaagent:... -cp ... Main}),
 * with its OTLP exporter pointed at a fresh {@link OtlpReceiver}, and collects its exit code, output and spans.
 *
 * <pre>{@code
 * RunResult result = AgentRun.of(JdbcApp.class).on(jdk).expectSpans(2).run().assertSuccess();
 * SpanAssert.assertThat(result.spans().single("SELECT test")).hasKind("CLIENT");
 * }</pre>
 *
 * <p>The child's classpath is this module's test classpath (the main class must be a test class or a
 * dependency). The agent is attached by default. These system properties are passed by default and each can be
 * overridden with {@link #property}: {@code otel.traces.exporter=otlp},
 * {@code otel.exporter.otlp.protocol=http/protobuf}, {@code otel.exporter.otlp.endpoint=<receiver>},
 * {@code otel.bsp.schedule.delay=100}, {@code tracewire.shutdown.timeout=5000} and
 * {@code otel.service.name=<main class simple name>}.
 */
public final class AgentRun {

  /** System property with the path of the agent jar. */
  public static final String AGENT_JAR_PROPERTY = "tracewire.agent.jar";
  /** System property with the path of the test extension jar. */
  public static final String EXTENSION_JAR_PROPERTY = "tracewire.test.extension.jar";
  /** System property with the path of the file listing the child's dependency classpath. */
  public static final String CLASSPATH_FILE_PROPERTY = "tracewire.child.classpath.file";
  /** When this system property is {@code true}, the child's stderr is echoed to the test's stderr. */
  public static final String VERBOSE_PROPERTY = "tracewire.test.verbose";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  // How long to wait for requests still in flight after the child exited.
  private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(2);
  // A child that has exited sends nothing more, so waiting for expected spans after exit is capped.
  private static final Duration SPANS_AFTER_EXIT = Duration.ofSeconds(5);
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

  private static volatile String childClasspath;

  private final Class<?> mainClass;
  /** The application jar run with {@code -java -jar}, in place of a main class. */
  private final Path applicationJar;
  private Jdk jdk = Jdk.current();
  private boolean withAgent = true;
  private Path agentJar;
  private boolean withTestExtension;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> jvmArgs = new ArrayList<>();
  private final List<String> agentsBefore = new ArrayList<>();
  private final List<String> args = new ArrayList<>();
  private Duration timeout = DEFAULT_TIMEOUT;
  private int expectedSpans;
  private OtlpReceiver sharedReceiver;
  private String classpath;

  private AgentRun(Class<?> mainClass, Path applicationJar) {
    this.mainClass = mainClass;
    this.applicationJar = applicationJar;
  }

  /** A run of {@code mainClass}'s {@code main} method, on the current JDK with the agent attached. */
  public static AgentRun of(Class<?> mainClass) {
    return new AgentRun(Objects.requireNonNull(mainClass, "mainClass"), null);
  }

  /**
   * A run of an executable jar ({@code java -javaagent:... -jar app.jar}), e.g. a Spring Boot fat
   * jar; {@code otel.service.name} defaults to the jar's name without {@code .jar}.
   */
  public static AgentRun ofJar(Path applicationJar) {
    return new AgentRun(null, applicationJar.toAbsolutePath());
  }

  /** The main class's simple name, or the application jar's name without {@code .jar}. */
  private String simpleName() {
    return mainClass != null
        ? mainClass.getSimpleName()
        : applicationJar.getFileName().toString().replaceFirst("\\.jar$", "");
  }

  /** Runs the child on this JDK instead of the one running the tests. */
  public AgentRun on(Jdk jdk) {
    this.jdk = Objects.requireNonNull(jdk, "jdk");
    return this;
  }

  /** Starts the child without {@code -javaagent}, e.g. for a baseline. */
  public AgentRun withoutAgent() {
    this.withAgent = false;
    return this;
  }

  /** Attaches this jar instead of the one named by {@code tracewire.agent.jar}. */
  public AgentRun agentJar(Path jar) {
    this.agentJar = Objects.requireNonNull(jar, "jar");
    this.withAgent = true;
    return this;
  }

  /** Loads the test-only instrumentation extension ({@code -Dotel.javaagent.extensions=<tracewire.test.extension.jar>}). */
  public AgentRun withTestExtension() {
    this.withTestExtension = true;
    return this;
  }

  /** Passes {@code -Dkey=value}; overrides a default or earlier value for the same key. */
  public AgentRun property(String key, String value) {
    properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Sets an environment variable of the child; a {@code null} value removes an inherited one. */
  public AgentRun env(String key, String value) {
    env.put(Objects.requireNonNull(key, "key"), value);
    return this;
  }

  /** Adds a JVM option, placed after the {@code -D} properties (so a {@code -D} given here wins). */
  public AgentRun jvmArg(String arg) {
    jvmArgs.add(Objects.requireNonNull(arg, "arg"));
    return this;
  }

  /**
   * Attaches another Java agent ahead of ours ({@code -javaagent:jar=options} first on the command
   * line), so its {@code premain} runs before the agent's.
   */
  public AgentRun agentBefore(Path jar, String options) {
    agentsBefore.add("-javaagent:" + jar + (options == null ? "" : "=" + options));
    return this;
  }

  /**
   * Runs the child on {@code entries} and this module's {@code target/test-classes} (where the main
   * class is) instead of the whole test classpath: for scenarios whose libraries cannot share a
   * classpath with the others (two versions of one servlet container).
   */
  public AgentRun classpath(List<String> entries) {
    List<String> all = new ArrayList<>(entries);
    all.add(targetDirectory().resolve("test-classes").toString());
    this.classpath = String.join(File.pathSeparator, all);
    return this;
  }

  /** Sets the arguments passed to {@code main}. */
  public AgentRun args(String... args) {
    this.args.clear();
    this.args.addAll(Arrays.asList(args));
    return this;
  }

  /** How long the child may run (default 60 s); on timeout its process tree is killed and the test fails. */
  public AgentRun timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** Makes {@link #run()} wait until at least {@code count} spans arrived, and fail if they do not. */
  public AgentRun expectSpans(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    this.expectedSpans = count;
    return this;
  }

  /**
   * Exports to a receiver the test owns (e.g. one told to {@link OtlpReceiver#respondWith fail}) instead of a
   * fresh one; the run does not close it, and spans it already held count toward {@link #expectSpans}.
   */
  public AgentRun receiver(OtlpReceiver receiver) {
    this.sharedReceiver = Objects.requireNonNull(receiver, "receiver");
    return this;
  }

  /**
   * Starts the child, waits for it to exit and for its in-flight exports to land.
   *
   * @throws AssertionFailedError when the agent jar is missing, the child times out, or expected spans do not arrive
   */
  public RunResult run() {
    List<String> agentOptions = withAgent ? List.of("-javaagent:" + existingJar(AGENT_JAR_PROPERTY, agentJar, "agent")) : List.of();
    OtlpReceiver receiver = sharedReceiver != null ? sharedReceiver : OtlpReceiver.start();
    try {
      List<String> command = command(agentOptions, receiver);
      return execute(command, receiver);
    } finally {
      if (sharedReceiver == null) {
        receiver.close();
      }
    }
  }

  private List<String> command(List<String> agentOptions, OtlpReceiver receiver) {
    Map<String, String> effective = new LinkedHashMap<>();
    effective.put("otel.traces.exporter", "otlp");
    effective.put("otel.exporter.otlp.protocol", "http/protobuf");
    effective.put("otel.exporter.otlp.endpoint", receiver.endpoint());
    effective.put("otel.bsp.schedule.delay", "100");
    // A loaded two-core CI machine can take more than the default second to send the last batch
    // of a JVM that exits right after starting; exit-time tests set the default back explicitly.
    effective.put("tracewire.shutdown.timeout", "5000");
    effective.put("otel.service.name", simpleName());
    if (withTestExtension) {
      effective.put("otel.javaagent.extensions", existingJar(EXTENSION_JAR_PROPERTY, null, "test extension").toString());
    }
    effective.putAll(properties);

    List<String> command = new ArrayList<>();
    command.add(jdk.javaExecutable().toString());
    command.addAll(agentsBefore);
    command.addAll(agentOptions);
    effective.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(jvmArgs);
    if (applicationJar != null) {
      command.add("-jar");
      command.add(applicationJar.toString());
    } else {
      command.add("-cp");
      command.add(classpath != null ? classpath : childClasspath());
      command.add(mainClass.getName());
    }
    command.addAll(args);
    return command;
  }

  private RunResult execute(List<String> command, OtlpReceiver receiver) {
    ProcessBuilder builder = new ProcessBuilder(command);
    // The developer's own settings must not leak into what the test observes.
    builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    env.forEach((key, value) -> {
      if (value == null) {
        builder.environment().remove(key);
      } else {
        builder.environment().put(key, value);
      }
    });

    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
    }
    String label = simpleName() + "@" + jdk.name();
    boolean verbose = Boolean.getBoolean(VERBOSE_PROPERTY);
    OutputDrain stdout = OutputDrain.start(process.getInputStream(), "stdout-" + label, null, null);
    OutputDrain stderr = OutputDrain.start(process.getErrorStream(), "stderr-" + label, verbose ? System.err : null,
        "[child] ");

    if (!waitFor(process, timeout)) {
      killTree(process);
      stdout.await(Duration.ofSeconds(1));
      stderr.await(Duration.ofSeconds(1));
      throw new AssertionFailedError("Child JVM " + label + " did not exit within " + timeout + " and was killed\n"
          + RunResult.describe(command, "timed out", stdout.text(), stderr.text()) + "\n" + receiver.spans().dump());
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    stdout.await(DRAIN_GRACE);
    stderr.await(DRAIN_GRACE);
    receiver.awaitIdle(Duration.ofMillis(50), IN_FLIGHT_GRACE);

    int exitCode = process.exitValue();
    if (expectedSpans > 0) {
      long left = Math.min(deadline - System.nanoTime(), SPANS_AFTER_EXIT.toNanos());
      try {
        receiver.awaitSpans(expectedSpans, Duration.ofNanos(Math.max(0, left)));
      } catch (AssertionFailedError e) {
        throw new AssertionFailedError(e.getMessage() + "\n"
            + RunResult.describe(command, "exit code " + exitCode, stdout.text(), stderr.text()), e);
      }
    }
    return new RunResult(command, exitCode, stdout.text(), stderr.text(), receiver.spans(), receiver, duration);
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the child JVM", e);
    }
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path existingJar(String property, Path override, String what) {
    Path jar = override;
    if (jar == null) {
      String configured = System.getProperty(property);
      if (configured == null || configured.isBlank()) {
        throw new AssertionFailedError("System property " + property + " is not set: run the tests with Maven "
            + "(mvn -B -pl testing test), which points it at the " + what + " jar");
      }
      jar = Path.of(configured);
    }
    jar = jar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionFailedError("The Tracewire " + what + " jar does not exist at " + jar + ": build it first with mvn -B verify");
    }
    return jar;
  }

  private static Path classpathFile() {
    String configured = System.getProperty(CLASSPATH_FILE_PROPERTY);
    return (configured != null ? Path.of(configured) : Path.of("target", "child-classpath.txt")).toAbsolutePath();
  }

  /** This module's build directory, where the child classpath file is written. */
  static Path targetDirectory() {
    return classpathFile().getParent();
  }

  /**
   * The child class path's entry whose path contains {@code name} (e.g. {@code h2-}, or a module's
   * artifact or folder name): a jar in the local repository, or a sibling module's output.
   */
  public static Path classpathEntry(String name) {
    for (String entry : childClasspath().split(File.pathSeparator)) {
      if (entry.contains(name)) {
        return Path.of(entry);
      }
    }
    throw new AssertionFailedError("no entry with " + name + " on the child class path: " + childClasspath());
  }

  /**
   * The dependency entries written by the build ({@code child-classpath.txt}), then {@code target/test-classes}
   * and {@code target/classes} next to that file.
   */
  static String childClasspath() {
    String cached = childClasspath;
    if (cached != null) {
      return cached;
    }
    Path file = classpathFile();
    if (!Files.isRegularFile(file)) {
      throw new AssertionFailedError("The child classpath file " + file + " does not exist: run the tests with Maven "
          + "(mvn -B -pl testing test), whose generate-test-resources phase writes it");
    }
    String dependencies;
    try {
      dependencies = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    Path target = file.getParent();
    List<String> entries = new ArrayList<>();
    if (!dependencies.isEmpty()) {
      entries.add(dependencies);
    }
    entries.add(target.resolve("test-classes").toString());
    entries.add(target.resolve("classes").toString());
    cached = String.join(File.pathSeparator, entries);
    childClasspath = cached;
    return cached;
  }
}
