package io.tracewire.agent.sdk;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.tracewire.agent.config.AgentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The resource every span carries: service identity from configuration, then host and process
 * facts that are cheap to read (no DNS look-up), then {@code telemetry.distro.*}.
 */
public final class ResourceFactory {

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private ResourceFactory() {}

  public static Resource create(AgentConfig config, String agentVersion) {
    AttributesBuilder attributes = Attributes.builder();
    putHost(attributes);
    putProcess(attributes);
    attributes.put("telemetry.distro.name", "tracewire");
    attributes.put("telemetry.distro.version", agentVersion);
    for (Map.Entry<String, String> entry : config.getMap("otel.resource.attributes").entrySet()) {
      attributes.put(entry.getKey(), entry.getValue());
    }
    attributes.put(SERVICE_NAME, serviceName(config));
    return Resource.getDefault().merge(Resource.create(attributes.build()));
  }

  /**
   * {@code otel.service.name}, else {@code service.name} in {@code otel.resource.attributes},
   * else the application's jar name or main class's simple name.
   */
  public static String serviceName(AgentConfig config) {
    String configured = config.raw("otel.service.name");
    if (configured != null) {
      return configured;
    }
    String fromAttributes = config.getMap("otel.resource.attributes").get("service.name");
    if (fromAttributes != null && !fromAttributes.isBlank()) {
      return fromAttributes;
    }
    return defaultServiceName(System.getProperty("sun.java.command"));
  }

  static String defaultServiceName(String javaCommand) {
    if (javaCommand == null || javaCommand.isBlank()) {
      return "unknown_service:java";
    }
    String first = javaCommand.trim().split("\\s+")[0];
    if (first.endsWith(".jar")) {
      String file = Path.of(first).getFileName().toString();
      return file.substring(0, file.length() - ".jar".length());
    }
    int lastDot = first.lastIndexOf('.');
    return lastDot >= 0 ? first.substring(lastDot + 1) : first;
  }

  private static void putHost(AttributesBuilder attributes) {
    String host = hostName();
    if (host != null) {
      attributes.put("host.name", host);
    }
    attributes.put("host.arch", hostArch(System.getProperty("os.arch", "")));
    attributes.put("os.type", osType(System.getProperty("os.name", "")));
    attributes.put(
        "os.description", System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.trim();
    }
    try {
      Path file = Path.of("/etc/hostname");
      if (Files.isReadable(file)) {
        String name = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        return name.isEmpty() ? null : name;
      }
    } catch (IOException | RuntimeException ignored) {
      // No host name is better than a slow DNS look-up at start-up.
    }
    return System.getenv("COMPUTERNAME");
  }

  static String hostArch(String osArch) {
    switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64":
      case "x86_64":
        return "amd64";
      case "aarch64":
      case "arm64":
        return "arm64";
      case "x86":
      case "i386":
      case "i686":
        return "x86";
      case "ppc64le":
        return "ppc64";
      case "s390x":
        return "s390x";
      default:
        return osArch;
    }
  }

  static String osType(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("linux")) {
      return "linux";
    }
    if (name.startsWith("mac")) {
      return "darwin";
    }
    if (name.contains("bsd")) {
      return name.contains("free") ? "freebsd" : name.contains("open") ? "openbsd" : "netbsd";
    }
    if (name.startsWith("sunos") || name.startsWith("solaris")) {
      return "solaris";
    }
    if (name.startsWith("aix")) {
      return "aix";
    }
    return name;
  }

  /**
   * The process id: from {@code /proc/self} on Linux, which costs nothing. {@code ProcessHandle}
   * loads the JDK's process-reaper pool with it ({@code ThreadPoolExecutor} and its kin) while the
   * agent starts, and the executors instrumentation would then have to retransform those classes.
   */
  static long pid() {
    try {
      Path self = Path.of("/proc/self");
      if (java.nio.file.Files.isSymbolicLink(self)) {
        return Long.parseLong(java.nio.file.Files.readSymbolicLink(self).toString());
      }
    } catch (java.io.IOException | RuntimeException notLinux) {
      // Elsewhere, the JDK's own way.
    }
    return ProcessHandle.current().pid();
  }

  private static void putProcess(AttributesBuilder attributes) {
    attributes.put("process.pid", pid());
    attributes.put("process.runtime.name", System.getProperty("java.runtime.name", "java"));
    attributes.put("process.runtime.version", System.getProperty("java.runtime.version", ""));
    attributes.put(
        "process.runtime.description",
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.vm.version"));
    attributes.put(
        "process.executable.path",
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
