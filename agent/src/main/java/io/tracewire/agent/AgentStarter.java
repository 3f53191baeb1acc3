package io.tracewire.agent;

import io.tracewire.agent.config.AgentConfig;
import io.tracewire.agent.install.AgentInstaller;
import io.tracewire.agent.sdk.AgentSdk;
import io.tracewire.agent.sdk.ExporterSettings;
import io.tracewire.agent.sdk.ResourceFactory;
import io.tracewire.agent.sdk.SdkSettings;
import io.tracewire.bootstrap.TransformerGate;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The agent proper, entered from {@code premain} inside the agent's class loader. On the
 * application's main thread it only reads configuration, finds the enabled modules and tells the
 * gate which classes to hold back; the SDK and the class transformer are built on a daemon
 * thread while {@code main} runs.
 */
public final class AgentStarter {

  private static final long STARTED_NANOS = System.nanoTime();
  private static final long EARLY_SPANS_SDK_WAIT_MILLIS = 5000;

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
    // Before main runs, even if it ends at once: every malformed setting is named now.
    new SdkSettings(config).checkAll();
    Promise<AgentSdk> sdk = new Promise<>();
    try {
      daemon("tracewire-sdk-setup", agentLoader, () -> buildSdk(config, sdk));
      daemon(
          "tracewire-installer",
          agentLoader,
          () -> install(instrumentation, gate, agentLoader, config, modules, sdk));
    } catch (RuntimeException | Error e) {
      gate.abandon();
      throw e;
    }
    AgentLog.info(
        "agent " + version() + " started: service.name=" + ResourceFactory.serviceName(config)
            + ", exporter=" + new ExporterSettings(config).describe() + ", instrumentations="
            + modules.stream().map(m -> m.name()).collect(Collectors.joining(",")));
  }

  private static void daemon(String name, ClassLoader agentLoader, Runnable work) {
    Thread thread = AgentThreads.silentDaemon(name, work);
    thread.setContextClassLoader(agentLoader);
    thread.start();
  }

  private static void buildSdk(AgentConfig config, Promise<AgentSdk> result) {
    try {
      AgentSdk sdk = AgentSdk.create(config, version());
      try {
        Runtime.getRuntime().addShutdownHook(AgentThreads.silentDaemon("tracewire-shutdown", sdk::shutdown));
      } catch (IllegalStateException exiting) {
        // The JVM is already exiting: no span was made, nothing to flush.
      }
      result.complete(sdk);
      AgentLog.debug("SDK ready after " + millisSinceStart() + " ms");
    } catch (Throwable e) {
      AgentLog.warn("OpenTelemetry SDK not started, spans are dropped: " + e);
      result.fail(e);
    }
  }

  private static void install(
      Instrumentation instrumentation,
      TransformerGate gate,
      ClassLoader agentLoader,
      AgentConfig config,
      List<io.tracewire.instrumentation.api.InstrumentationModule> modules,
      Promise<AgentSdk> sdk) {
    DeferredOpenTelemetry openTelemetry = new DeferredOpenTelemetry(sdk);
    try {
      AgentInstaller.install(
          instrumentation,
          gate,
          modules,
          moduleName -> new ModuleContext(openTelemetry, config, moduleName, version()),
          agentLoader,
          () -> awaitSdkForEarlySpans(openTelemetry));
      AgentLog.debug("transformer installed after " + millisSinceStart() + " ms");
    } catch (Throwable e) {
      AgentLog.warn("instrumentation not installed, the application runs untraced: " + e);
      if (AgentLog.isDebug()) {
        e.printStackTrace();
      }
    } finally {
      // Never hold a class back once installation is over, whatever its outcome.
      gate.abandon();
    }
    // The exporter is needed by nobody before the first batch: built last, off the critical path.
    sdk.whenDone(
        (ready, failed) -> {
          if (ready != null) {
            ready.connectExporter();
            AgentLog.debug("exporter ready after " + millisSinceStart() + " ms");
          }
        });
  }

  /**
   * Held-back classes (a program's first JDBC statements, say) wait a little longer for the SDK
   * too, so their spans are not lost: once, bounded. Spans and propagation never wait for it.
   */
  private static void awaitSdkForEarlySpans(DeferredOpenTelemetry openTelemetry) {
    if (!openTelemetry.awaitSdk(EARLY_SPANS_SDK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      AgentLog.debug("SDK not ready after " + millisSinceStart() + " ms: spans start when it is");
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
