package io.tracewire.agent;

import io.tracewire.agent.config.AgentConfig;
import io.tracewire.instrumentation.api.InstrumentationModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/** Finds the instrumentation modules with {@link ServiceLoader} and keeps the enabled ones. */
final class ModuleRegistry {

  private ModuleRegistry() {}

  static List<InstrumentationModule> enabledModules(AgentConfig config, ClassLoader agentLoader) {
    List<InstrumentationModule> enabled = new ArrayList<>();
    ServiceLoader<InstrumentationModule> loader =
        ServiceLoader.load(InstrumentationModule.class, agentLoader);
    java.util.Iterator<InstrumentationModule> modules = loader.iterator();
    while (true) {
      InstrumentationModule module;
      try {
        if (!modules.hasNext()) {
          break;
        }
        module = modules.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        AgentLog.debug("an instrumentation module could not be loaded", e);
        continue;
      }
      String property = "otel.instrumentation." + module.name() + ".enabled";
      if (config.getBoolean(property, module.enabledByDefault())) {
        enabled.add(module);
      } else {
        AgentLog.debug("instrumentation " + module.name() + " disabled by " + property);
      }
    }
    return enabled;
  }

  /**
   * The markers of all modules as bytes, or {@code null} when a module has none (then every class
   * must be offered to the transformer).
   */
  static byte[][] classFileMarkers(List<InstrumentationModule> modules, AgentConfig config) {
    Set<String> markers = new HashSet<>();
    for (InstrumentationModule module : modules) {
      Set<String> moduleMarkers = module.classFileMarkers(config);
      if (moduleMarkers == null) {
        AgentLog.debug("instrumentation " + module.name() + " has no class-file markers: every class is matched");
        return null;
      }
      markers.addAll(moduleMarkers);
    }
    byte[][] bytes = new byte[markers.size()][];
    int i = 0;
    for (String marker : markers) {
      bytes[i++] = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return bytes;
  }

  /** The modules' early type names as internal names ({@code java/sql/Statement}). */
  static Set<String> earlyInternalNames(List<InstrumentationModule> modules, AgentConfig config) {
    Set<String> names = new HashSet<>();
    for (InstrumentationModule module : modules) {
      for (String binaryName : module.earlyTypeNames(config)) {
        names.add(binaryName.replace('.', '/'));
      }
    }
    return names;
  }
}
