package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Gives a named module (a JDK module such as {@code java.net.http}, or an application's) a read
 * edge to the bridge's module before one of its classes is woven: code of a named module can only
 * link against modules it reads. A module that cannot be given one is left alone, with one line.
 */
final class ModuleReads {

  private final Instrumentation instrumentation;
  private final Module bridge = AdviceDispatcher.class.getModule();

  ModuleReads(Instrumentation instrumentation) {
    this.instrumentation = instrumentation;
  }

  /** Whether {@code module}'s woven classes can reach the bridge, adding the edge if needed. */
  boolean readsBridge(Module module) {
    if (!module.isNamed() || module.canRead(bridge)) {
      return true;
    }
    try {
      instrumentation.redefineModule(module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
      return module.canRead(bridge);
    } catch (RuntimeException e) {
      AgentLog.warn("classes of module " + module.getName() + " are not instrumented: " + e);
      return false;
    }
  }
}
