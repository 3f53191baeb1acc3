package io.tracewire.testing.harness;

import java.util.concurrent.TimeUnit;

/** A child-JVM main for {@link AgentRunTest}: the first argument picks the behaviour. */
public final class TinyMain {

  private TinyMain() {}

  /** Entry point of the child JVM. */
  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "" : args[0];
    switch (mode) {
      case "sleep":
        System.out.println("pid=" + ProcessHandle.current().pid());
        TimeUnit.MINUTES.sleep(5);
        break;
      case "fail":
        System.out.println("about to fail");
        System.err.println("failing on purpose");
        System.exit(Integer.parseInt(args[1]));
        break;
      case "classpath":
        // Which copies of the application's own libraries the child loads.
        System.out.println("otel-sdk=" + location("io.opentelemetry.sdk.OpenTelemetrySdk"));
        System.out.println("otel-api=" + location("io.opentelemetry.api.OpenTelemetry"));
        System.out.println("bytebuddy=" + location("net.bytebuddy.ByteBuddy"));
        break;
      default:
        System.out.println("hello " + String.join(",", args));
        System.out.println("feature=" + Runtime.version().feature());
        System.out.println("prop=" + System.getProperty("tracewire.test.prop"));
        System.out.println("env=" + System.getenv("TRACEWIRE_TEST_ENV"));
        System.out.println("service=" + System.getProperty("otel.service.name"));
        System.out.println("endpoint=" + System.getProperty("otel.exporter.otlp.endpoint"));
        System.out.println("protocol=" + System.getProperty("otel.exporter.otlp.protocol"));
        System.err.println("to stderr");
    }
  }

  private static String location(String className) throws ClassNotFoundException {
    return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
