package io.tracewire.agent.launch;

import io.tracewire.bootstrap.TransformerGate;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Premain-Class}. It is loaded by the system class loader, so it does as little as
 * possible: put the bootstrap bridge on the boot class path, register the transformer gate, and
 * hand over to the agent proper in its own isolated class loader. Everything third-party the agent
 * carries (OpenTelemetry SDK, ASM) is loaded only there.
 */
public final class TracewireAgent {

  private static final String STARTER = "io.tracewire.agent.AgentStarter";

  private TracewireAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    try {
      if (!enabled()) {
        System.err.println("tracewire: agent disabled by otel.javaagent.enabled=false");
        return;
      }
      File agentJar = agentJar();
      ClassLoader agentLoader = AgentClassLoader.create(agentJar, extensionJars());
      // Run from the agent's loader, so the JDK internals it needs are opened to the agent
      // alone, not to every class on the application's class path.
      Class.forName(BootstrapClasses.class.getName(), true, agentLoader)
          .getDeclaredMethod("install", Instrumentation.class, File.class)
          .invoke(null, instrumentation, agentJar);
      TransformerGate gate = new TransformerGate();
      instrumentation.addTransformer(gate, true);
      Class<?> starter = Class.forName(STARTER, true, agentLoader);
      Method start =
          starter.getMethod("start", Instrumentation.class, TransformerGate.class, ClassLoader.class);
      start.invoke(null, instrumentation, gate, agentLoader);
    } catch (Throwable failure) {
      // The application must start whatever happens to the agent.
      System.err.println("tracewire: agent not started: " + failure);
      if (Boolean.getBoolean("otel.javaagent.debug")) {
        failure.printStackTrace();
      }
    }
  }

  private static boolean enabled() {
    String value = setting("otel.javaagent.enabled");
    return value == null || !value.trim().equalsIgnoreCase("false");
  }

  private static List<File> extensionJars() {
    List<File> jars = new ArrayList<>();
    String value = setting("otel.javaagent.extensions");
    if (value == null) {
      return jars;
    }
    for (String path : value.split(",")) {
      File jar = new File(path.trim());
      if (jar.isFile()) {
        jars.add(jar);
      } else if (!path.isBlank()) {
        System.err.println(
            "tracewire: otel.javaagent.extensions names '" + path.trim() + "', which is not a file; ignored");
      }
    }
    return jars;
  }

  /** A system property, else its environment-variable form ({@code OTEL_JAVAAGENT_ENABLED}). */
  static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value;
  }

  private static File agentJar() throws Exception {
    URL location = TracewireAgent.class.getProtectionDomain().getCodeSource().getLocation();
    return new File(location.toURI());
  }
}
