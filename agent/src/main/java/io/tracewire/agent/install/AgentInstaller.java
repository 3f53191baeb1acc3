package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.bootstrap.TransformerGate;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binds every enabled module's instrumentations to dispatch ids, hands the resulting transformer
 * to the gate, retransforms the matching classes that loaded before it was ready, then releases
 * the classes the gate held back.
 */
public final class AgentInstaller {

  private AgentInstaller() {}

  public static void install(
      Instrumentation instrumentation,
      TransformerGate gate,
      List<InstrumentationModule> modules,
      InstrumentationContextFactory contexts,
      ClassLoader agentLoader) {
    AdviceDispatcher.setErrorListener(new InterceptorNames());
    List<BoundInstrumentation> bound = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      InstrumentationContext context = contexts.forModule(module.name());
      try {
        for (TypeInstrumentation type : module.typeInstrumentations(context)) {
          bound.add(new BoundInstrumentation(module.name(), type));
        }
      } catch (RuntimeException | LinkageError e) {
        AgentLog.debug("instrumentation " + module.name() + " disabled: it could not be set up", e);
      }
    }
    AgentTransformer transformer = new AgentTransformer(bound, agentLoader);
    gate.delegateTo(transformer);
    // Held-back classes load only once the classes loaded earlier are instrumented too, so the
    // application's first traced calls find everything in place.
    if (instrumentation.isRetransformClassesSupported()) {
      Class<?>[] loaded = instrumentation.getAllLoadedClasses();
      retransformMatching(instrumentation, gate, transformer, Arrays.asList(loaded));
      // A class the gate let through just before the transformer was there may have been defined
      // only after that snapshot: look once more for those, by name.
      Set<String> passed = gate.takePassedUnchanged();
      Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      seen.addAll(Arrays.asList(loaded));
      List<Class<?>> late = new ArrayList<>();
      for (Class<?> type : instrumentation.getAllLoadedClasses()) {
        if (!seen.contains(type) && passed.contains(type.getName().replace('.', '/'))) {
          late.add(type);
        }
      }
      retransformMatching(instrumentation, gate, transformer, late);
    }
    gate.release();
  }

  /**
   * Classes that loaded while the transformer was being built passed the gate unchanged (only the
   * early types were held back); those an instrumentation matches are retransformed now.
   */
  private static void retransformMatching(
      Instrumentation instrumentation,
      TransformerGate gate,
      AgentTransformer transformer,
      List<Class<?>> classes) {
    for (Class<?> type : classes) {
      if (type.isArray() || type.isPrimitive()) {
        continue;
      }
      String internalName = type.getName().replace('.', '/');
      ClassLoader loader = type.getClassLoader();
      if (transformer.isIgnored(loader, internalName) || !instrumentation.isModifiableClass(type)) {
        continue;
      }
      byte[] classfile = ClassFiles.read(loader, internalName);
      if (classfile == null
          || !gate.passesMarkers(classfile)
          || !transformer.wouldTransform(loader, internalName, classfile)) {
        continue;
      }
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable e) {
        AgentLog.debug("could not instrument " + type.getName() + ", left unchanged", e);
      }
    }
  }

  /** Gives each module its own context (its tracer's scope name is the module's). */
  public interface InstrumentationContextFactory {
    InstrumentationContext forModule(String moduleName);
  }
}
