package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.ClassBoundInterceptor;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.WeakIdentityMap;
import java.lang.ref.WeakReference;

/**
 * Finds a linked interceptor for each instrumented class: one instance per application class
 * loader, made from a {@link LinkedClassLoader} next to it.
 *
 * <p>Only the instrumented classes hold the instances (through a {@link ClassValue}, whose values
 * live in the class itself); the agent keeps weak references. So an application loader that is
 * dropped, with its classes, takes its linked loader and interceptors with it.
 */
final class LinkedInterceptors implements ClassBoundInterceptor {

  /** Linked loaders by application loader and package, shared by a module's interceptions. */
  private static final WeakIdentityMap<ClassLoader, LoaderSet> LOADERS = new WeakIdentityMap<>();

  private final String className;
  private final String packagePrefix;
  private final ClassLoader agentLoader;
  private final String moduleName;
  private final WeakIdentityMap<ClassLoader, WeakReference<Interceptor>> byLoader =
      new WeakIdentityMap<>();
  private final ClassValue<Interceptor> byClass =
      new ClassValue<>() {
        @Override
        protected Interceptor computeValue(Class<?> instrumented) {
          return forLoader(instrumented.getClassLoader());
        }
      };

  LinkedInterceptors(String className, ClassLoader agentLoader, String moduleName) {
    this.className = className;
    this.packagePrefix = className.substring(0, className.lastIndexOf('.') + 1);
    this.agentLoader = agentLoader;
    this.moduleName = moduleName;
  }

  @Override
  public Interceptor forClass(Class<?> instrumented) {
    return byClass.get(instrumented);
  }

  String className() {
    return className;
  }

  /**
   * The interceptor for an application loader. It is made outside any lock of the agent's (its
   * class initialization may run library code that reaches woven methods on other threads); two
   * threads may make one each, and the first one published wins.
   */
  private Interceptor forLoader(ClassLoader application) {
    if (application == null) {
      // A JDK class: the agent loader sees the JDK already.
      return create(agentLoader);
    }
    Interceptor known = known(application);
    if (known != null) {
      return known;
    }
    Interceptor made = create(linkedLoader(application));
    if (made == null) {
      return null;
    }
    synchronized (byLoader) {
      Interceptor raced = known(application);
      if (raced != null) {
        return raced;
      }
      byLoader.put(application, new WeakReference<>(made));
      return made;
    }
  }

  private Interceptor known(ClassLoader application) {
    WeakReference<Interceptor> reference = byLoader.get(application);
    return reference == null ? null : reference.get();
  }

  private ClassLoader linkedLoader(ClassLoader application) {
    LoaderSet loaders = LOADERS.computeIfAbsent(application, ignored -> new LoaderSet());
    return loaders.get(application, packagePrefix, agentLoader);
  }

  private Interceptor create(ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, true, loader);
      return (Interceptor) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // The library in this loader lacks what the interceptor links against: calls go untraced.
      AgentLog.debug(
          "instrumentation " + moduleName + ": " + className + " cannot be linked in " + loader
              + "; those calls stay untraced", e);
      return null;
    }
  }

  /** The linked loaders of one application loader, by package, held weakly. */
  private static final class LoaderSet {
    private final java.util.Map<String, WeakReference<LinkedClassLoader>> byPackage =
        new java.util.HashMap<>();

    synchronized ClassLoader get(ClassLoader application, String prefix, ClassLoader agentLoader) {
      WeakReference<LinkedClassLoader> known = byPackage.get(prefix);
      LinkedClassLoader loader = known == null ? null : known.get();
      if (loader == null) {
        loader = new LinkedClassLoader(application, agentLoader, prefix);
        byPackage.put(prefix, new WeakReference<>(loader));
      }
      return loader;
    }
  }
}
