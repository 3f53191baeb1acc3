package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.instrumentation.api.WeakIdentityMap;
import io.tracewire.instrumentation.api.matcher.MethodInfo;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches each class offered by the gate against every bound instrumentation and weaves the
 * dispatch calls into the selected methods. A class that cannot be read or rewritten loads
 * unchanged, with a debug line.
 */
final class AgentTransformer implements ClassFileTransformer {

  /**
   * The agent itself, the JDK, class-generation internals and trees no instrumentation targets,
   * decided on names alone. An instrumentation of a JDK class must carve its class out of this list.
   */
  private static final String[] IGNORED_PREFIXES = {
    "io/tracewire/agent/",
    "io/tracewire/bootstrap/",
    "io/tracewire/instrumentation/",
    "io/tracewire/exporter/",
    "io/tracewire/shaded/",
    "java/",
    "javax/",
    "jdk/",
    "sun/",
    "com/sun/",
    "kotlin/",
    "scala/",
    "groovy/"
  };

  private static final String[] IGNORED_FRAGMENTS = {"$$Lambda", "$$EnhancerBy", "$HibernateProxy$"};

  /** Set while this thread transforms: a class loaded meanwhile (by a resource lookup) is skipped. */
  private static final ThreadLocal<Boolean> TRANSFORMING = new ThreadLocal<>();

  private final List<BoundInstrumentation> instrumentations;
  private final ClassLoader agentLoader;
  private final TypeHierarchy hierarchy = new TypeHierarchy();
  private final WeakIdentityMap<ClassLoader, Boolean> seesBridge = new WeakIdentityMap<>();

  AgentTransformer(List<BoundInstrumentation> instrumentations, ClassLoader agentLoader) {
    this.instrumentations = List.copyOf(instrumentations);
    this.agentLoader = agentLoader;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfile) {
    if (className == null || isIgnored(loader, className) || TRANSFORMING.get() != null) {
      return null;
    }
    TRANSFORMING.set(Boolean.TRUE);
    try {
      Map<String, int[]> idsByMethod = select(loader, classfile, true);
      if (idsByMethod.isEmpty() || !seesBridge(loader)) {
        return null;
      }
      return DispatchWeaver.weave(classfile, idsByMethod);
    } catch (Throwable error) {
      AgentLog.debug("could not instrument " + className.replace('/', '.') + ", left unchanged", error);
      return null;
    } finally {
      TRANSFORMING.remove();
    }
  }

  /** Whether any instrumentation would change this class (used to pick classes to retransform). */
  boolean wouldTransform(ClassLoader loader, String internalName, byte[] classfile) {
    if (isIgnored(loader, internalName)) {
      return false;
    }
    try {
      return !select(loader, classfile, false).isEmpty();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /**
   * Whether woven code in the loader's classes can reach the bridge in the boot loader. Module
   * systems that do not delegate every package to it (JBoss Modules, OSGi) would make the woven
   * class fail with {@code NoClassDefFoundError}; their classes are left alone, with one line
   * saying which setting opens the way.
   */
  private boolean seesBridge(ClassLoader loader) {
    if (loader == null) {
      return true;
    }
    return seesBridge.computeIfAbsent(
        loader,
        candidate -> {
          try {
            return Class.forName(AdviceDispatcher.class.getName(), false, candidate)
                == AdviceDispatcher.class;
          } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            AgentLog.warn(
                "classes of " + candidate.getClass().getName() + " are not instrumented: it does not"
                    + " delegate package io.tracewire.bootstrap to the boot class loader (JBoss"
                    + " Modules: add it to -Djboss.modules.system.pkgs; OSGi: to"
                    + " org.osgi.framework.bootdelegation)");
            return false;
          }
        });
  }

  boolean isIgnored(ClassLoader loader, String internalName) {
    if (loader == agentLoader
        || loader != null && loader.getClass().getName().startsWith("jdk.internal.reflect.")) {
      return true;
    }
    for (String prefix : IGNORED_PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    for (String fragment : IGNORED_FRAGMENTS) {
      if (internalName.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The interceptor ids of each method to weave, keyed by name and descriptor; {@code log} says
   * whether to write the debug lines about what matched.
   */
  private Map<String, int[]> select(ClassLoader loader, byte[] classfile, boolean log) {
    ClassFileInfo info = ClassFileInfo.read(classfile, loader, hierarchy);
    Map<String, int[]> idsByMethod = new LinkedHashMap<>();
    for (BoundInstrumentation instrumentation : instrumentations) {
      if (!instrumentation.matches(loader, info)) {
        continue;
      }
      String missing = instrumentation.missingRequirement(info);
      if (missing != null) {
        if (log) {
          AgentLog.debug(
              "instrumentation " + instrumentation.moduleName() + " left " + info.name()
                  + " untouched: it has no " + missing + " (an unsupported library version?)");
        }
        continue;
      }
      if (log) {
        AgentLog.debug("instrumenting " + info.name() + " (" + instrumentation.moduleName() + ")");
      }
      for (MethodInfo method : info.declaredMethods()) {
        if (!DispatchWeaver.isWeavable(method.access(), method.name())) {
          continue;
        }
        int[] ids = instrumentation.idsFor(method);
        if (ids.length > 0) {
          idsByMethod.merge(method.name() + method.descriptor(), ids, AgentTransformer::concat);
        }
      }
    }
    return idsByMethod;
  }

  private static int[] concat(int[] first, int[] second) {
    int[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
