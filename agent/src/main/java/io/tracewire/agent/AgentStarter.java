package io.tracewire.agent;

import io.tracewire.agent.config.AgentConfig;
import io.tracewire.agent.install.AgentInstaller;
import io.tracewire.agent.sdk.AgentSdk;
import io.tracewire.agent.sdk.ExporterFactory;
import io.tracewire.agent.sdk.ResourceFactory;
import io.tracewire.bootstrap.TransformerGate;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The agent proper, entered from {@code premain} inside the agent's class loader. On the
 * application's main thread it only reads configuration, finds the enabled modules and tells the
 * gate which classes to hold back; the SDK and the ByteBuddy transformer are built on a daemon
 * thread while {@code main} runs.
 */
public final class AgentStarter {

  private static final long STARTED_NANOS = System.nanoTime();

  private AgentStarter() {}

  public static void start(
      Instrumentation instrumentation, TransformerGate gate, ClassLoader agentLoader) {
    AgentConfig config = AgentConfig.fromSystem();
    AgentLog.setDebug(config.getBoolean("otel.javaagent.debug", false));
    List<io.tracewire.instrumentation.api.InstrumentationModule> modules;
    try {
      modules = ModuleRegistry.enabledModules(config, agentLoader);
      gate.holdBack(ModuleRegistry.earlyInternalNames(modules, config), agentLoader);
      gate.onlyClassesContaining(ModuleRegistry.classFileMarkers(modules, config));
    } catch (RuntimeException | LinkageError e) {
      gate.abandon();
      throw e;
    }
    Thread installer =
        new Thread(() -> install(instrumentation, gate, agentLoader, config, modules), "tracewire-installer");
    installer.setDaemon(true);
    installer.setContextClassLoader(agentLoader);
    installer.start();
    AgentLog.info(
        "agent " + version() + " started: service.name=" + ResourceFactory.serviceName(config)
            + ", exporter=" + ExporterFactory.describe(config) + ", instrumentations="
            + modules.stream().map(m -> m.name()).collect(Collectors.joining(",")));
  }

  private static void install(
      Instrumentation instrumentation,
      TransformerGate gate,
      ClassLoader agentLoader,
      AgentConfig config,
      List<io.tracewire.instrumentation.api.InstrumentationModule> modules) {
    try {
      AgentSdk sdk = AgentSdk.create(config, version());
      Runtime.getRuntime().addShutdownHook(new Thread(sdk::shutdown, "tracewire-shutdown"));
      AgentInstaller.install(
          instrumentation,
          gate,
          modules,
          moduleName -> new ModuleContext(sdk, config, moduleName, version()),
          agentLoader);
      AgentLog.debug("transformer installed after " + millisSinceStart() + " ms");
      sdk.connectExporter();
      AgentLog.debug("exporter ready after " + millisSinceStart() + " ms");
    } catch (Throwable e) {
      AgentLog.warn("instrumentation not installed, the application runs untraced: " + e);
      if (AgentLog.isDebug()) {
        e.printStackTrace();
      }
    } finally {
      // Never hold a class back once installation is over, whatever its outcome.
      gate.abandon();
    }
  }

  private static long millisSinceStart() {
    return (System.nanoTime() - STARTED_NANOS) / 1_000_000;
  }

  static String version() {
    String version = AgentStarter.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

}
