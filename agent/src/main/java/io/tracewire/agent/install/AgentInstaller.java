package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.agent.AgentThreads;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.bootstrap.TransformerGate;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binds every enabled module's instrumentations to dispatch ids, hands the resulting transformer
 * to the gate, retransforms the matching classes that loaded before it was ready, then (after
 * {@code beforeRelease}) releases the classes the gate held back.
 */
public final class AgentInstaller {

  private static final long LATECOMER_WAIT_NANOS = 2_000_000_000L;
  private static final long LATECOMER_POLL_MILLIS = 50;

  private AgentInstaller() {}

  public static void install(
      Instrumentation instrumentation,
      TransformerGate gate,
      List<InstrumentationModule> modules,
      InstrumentationContextFactory contexts,
      ClassLoader agentLoader,
      Runnable beforeRelease) {
    AdviceDispatcher.setErrorListener(new InterceptorNames());
    List<BoundInstrumentation> bound = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      InstrumentationContext context = contexts.forModule(module.name());
      try {
        for (TypeInstrumentation type : module.typeInstrumentations(context)) {
          bound.add(new BoundInstrumentation(module.name(), type, agentLoader));
        }
      } catch (RuntimeException | LinkageError e) {
        AgentLog.debug("instrumentation " + module.name() + " disabled: it could not be set up", e);
      }
    }
    AgentTransformer transformer =
        new AgentTransformer(bound, agentLoader, new ModuleReads(instrumentation));
    gate.delegateTo(transformer);
    // Held-back classes load only once the classes loaded earlier are instrumented too, so the
    // application's first traced calls find everything in place.
    if (!instrumentation.isRetransformClassesSupported()) {
      beforeRelease.run();
      gate.release();
      return;
    }
    Class<?>[] loaded = allLoadedClasses(instrumentation);
    retransformMatching(instrumentation, gate, transformer, Arrays.asList(loaded));
    beforeRelease.run();
    gate.release();
    // Off the installer's thread, which goes on to build the exporter.
    AgentThreads.silentDaemon(
            "tracewire-latecomers", () -> retransformLatecomers(instrumentation, gate, transformer, loaded))
        .start();
  }

  /**
   * A class the gate let through just before the transformer was there may be defined only after
   * the sweep's snapshot, even after the gate released the held classes (its superclass may be
   * one of them). The gate names such classes; they are looked for until they show up, for a
   * bounded time.
   */
  private static void retransformLatecomers(
      Instrumentation instrumentation,
      TransformerGate gate,
      AgentTransformer transformer,
      Class<?>[] snapshot) {
    Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> seenNames = new HashSet<>();
    for (Class<?> type : snapshot) {
      seen.add(type);
      seenNames.add(type.getName().replace('.', '/'));
    }
    Set<String> pending = new HashSet<>();
    long deadline = System.nanoTime() + LATECOMER_WAIT_NANOS;
    // Two looks in a row with nothing pending: a gate call still adding a name has finished.
    int quietLooks = 0;
    do {
      for (String name : gate.takePassedUnchanged()) {
        if (!seenNames.contains(name)) {
          pending.add(name);
        }
      }
      if (!pending.isEmpty()) {
        List<Class<?>> late = new ArrayList<>();
        for (Class<?> type : allLoadedClasses(instrumentation)) {
          if (!seen.contains(type) && pending.remove(type.getName().replace('.', '/'))) {
            seen.add(type);
            late.add(type);
          }
        }
        retransformMatching(instrumentation, gate, transformer, late);
      }
      quietLooks = pending.isEmpty() ? quietLooks + 1 : 0;
      if (quietLooks < 2 && !pause(LATECOMER_POLL_MILLIS)) {
        return;
      }
    } while (quietLooks < 2 && System.nanoTime() < deadline);
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
    List<Class<?>> matching = new ArrayList<>();
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
      matching.add(type);
    }
    retransform(instrumentation, matching);
  }

  /**
   * One call for all: each call is a pass of the JVM over its classes at a safepoint, so a call
   * per class cost the start-up tens of milliseconds. Should the batch fail, each class is tried
   * alone, and only the one that fails is left unchanged.
   */
  private static void retransform(Instrumentation instrumentation, List<Class<?>> classes) {
    if (classes.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
      return;
    } catch (Throwable batchFailed) {
      AgentLog.debug("retransforming " + classes.size() + " classes at once failed; one by one now", batchFailed);
    }
    for (Class<?> type : classes) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable e) {
        AgentLog.debug("could not instrument " + type.getName() + ", left unchanged", e);
      }
    }
  }

  /** The JVM's loaded classes; none when it is already shutting down (it then answers null). */
  private static Class<?>[] allLoadedClasses(Instrumentation instrumentation) {
    Class<?>[] loaded = instrumentation.getAllLoadedClasses();
    return loaded == null ? new Class<?>[0] : loaded;
  }

  /** Gives each module its own context (its tracer's scope name is the module's). */
  public interface InstrumentationContextFactory {
    InstrumentationContext forModule(String moduleName);
  }
}
