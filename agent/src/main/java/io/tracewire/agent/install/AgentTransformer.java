package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.instrumentation.api.WeakIdentityMap;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches each class offered by the gate against every bound instrumentation and weaves the
 * dispatch calls into the selected methods. A class that cannot be read or rewritten loads
 * unchanged, with a debug line.
 */
final class AgentTransformer implements ClassFileTransformer {

  /**
   * The agent itself, the JDK, class-generation internals and trees no instrumentation targets,
   * decided on names alone. An instrumentation names the JDK packages it transforms
   * ({@code TypeInstrumentation.Builder.inJdkPackage}); only those are carved out of this list.
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
  private final String[] allowedJdkPrefixes;
  private final ModuleReads moduleReads;
  private final TypeHierarchy hierarchy = new TypeHierarchy();
  private final WeakIdentityMap<ClassLoader, Boolean> seesBridge = new WeakIdentityMap<>();

  AgentTransformer(
      List<BoundInstrumentation> instrumentations, ClassLoader agentLoader, ModuleReads moduleReads) {
    this.instrumentations = List.copyOf(instrumentations);
    this.agentLoader = agentLoader;
    this.moduleReads = moduleReads;
    Set<String> prefixes = new LinkedHashSet<>();
    for (BoundInstrumentation instrumentation : instrumentations) {
      prefixes.addAll(instrumentation.jdkPackages());
    }
    this.allowedJdkPrefixes = prefixes.toArray(new String[0]);
  }

  /**
   * Runs silently: the class loaders, class files and reflection it reaches may pass through woven
   * methods, which must not dispatch to interceptors for the agent's own work.
   */
  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfile) {
    // Most classes stop here, before any agent work: the check reaches no woven code.
    if (className == null || isIgnored(loader, className)) {
      return null;
    }
    return AdviceDispatcher.silently(
        () -> transformSilently(module, loader, className, classBeingRedefined, classfile));
  }

  private byte[] transformSilently(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      byte[] classfile) {
    if (TRANSFORMING.get() != null) {
      return null;
    }
    TRANSFORMING.set(Boolean.TRUE);
    try {
      ClassWeaving plan = select(loader, classfile, true);
      // A retransformation must keep the shape the class loaded with: the field it was given
      // then is given again, and no class gets one later.
      boolean objectField =
          classBeingRedefined == null ? plan.objectField() : ObjectFieldSlot.isGivenTo(classBeingRedefined);
      if (plan.methods.isEmpty() && !objectField || !seesBridge(loader)) {
        return null;
      }
      Module target = module != null ? module : classBeingRedefined != null ? classBeingRedefined.getModule() : null;
      if (target != null && !moduleReads.readsBridge(target)) {
        return null;
      }
      return DispatchWeaver.weaveMethods(classfile, plan.methods, objectField);
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
      return !select(loader, classfile, false).methods.isEmpty();
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

  /**
   * A package allows its own classes (nested ones included) but not its subpackages': {@code
   * java/util/concurrent/} is not {@code java/util/concurrent/atomic/}, whose classes the start-up
   * sweep would otherwise read one by one. A class prefix allows that class and its nested ones.
   */
  private static boolean isAllowed(String internalName, String prefix) {
    return internalName.startsWith(prefix)
        && (!prefix.endsWith("/") || internalName.indexOf('/', prefix.length()) < 0);
  }

  boolean isIgnored(ClassLoader loader, String internalName) {
    if (loader == agentLoader
        || loader != null && loader.getClass().getName().startsWith("jdk.internal.reflect.")) {
      return true;
    }
    for (String prefix : allowedJdkPrefixes) {
      if (isAllowed(internalName, prefix)) {
        return false;
      }
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
   * What to weave into each method, keyed by name and descriptor; {@code log} says whether to
   * write the debug lines about what matched.
   */
  private ClassWeaving select(ClassLoader loader, byte[] classfile, boolean log) {
    ClassFileInfo info = ClassFileInfo.read(classfile, loader, hierarchy);
    Map<String, MethodWeaving> weavings = new LinkedHashMap<>();
    boolean objectField = false;
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
      objectField |= instrumentation.addsObjectField();
      instrumentation.addWeavings(info, weavings);
    }
    info.release();
    return new ClassWeaving(weavings, objectField, info);
  }
}
