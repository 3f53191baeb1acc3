package io.tracewire.agent.install;


/**
 * Loads a module's linked classes (one package and below) next to one application class loader:
 * those classes are defined here from the agent's jar, so they link against the library classes
 * the application loader sees (its parent) and against the agent's own classes ({@code
 * io.tracewire.*}, asked of the agent loader first). Everything else comes from the application
 * loader, as it would for the application.
 *
 * <p>Nothing but the linked interceptors made from it holds it, and they are held only by the
 * instrumented classes (see {@link LinkedInterceptors}): it goes when the application loader goes.
 */
final class LinkedClassLoader extends ClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final String linkedPackagePrefix;
  private final ClassLoader agentLoader;

  /**
   * @param linkedPackagePrefix e.g. {@code io.tracewire.instrumentation.okhttp.linked.}
   */
  LinkedClassLoader(ClassLoader application, ClassLoader agentLoader, String linkedPackagePrefix) {
    super("tracewire-linked", application);
    this.agentLoader = agentLoader;
    this.linkedPackagePrefix = linkedPackagePrefix;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        if (name.startsWith(linkedPackagePrefix)) {
          loaded = defineFromAgent(name);
        } else if (name.startsWith("io.tracewire.")) {
          loaded = fromAgentElseApplication(name);
        } else {
          loaded = super.loadClass(name, false);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> fromAgentElseApplication(String name) throws ClassNotFoundException {
    try {
      return agentLoader.loadClass(name);
    } catch (ClassNotFoundException notTheAgents) {
      return super.loadClass(name, false);
    }
  }

  private Class<?> defineFromAgent(String name) throws ClassNotFoundException {
    byte[] bytes = ClassFiles.read(agentLoader, name.replace('.', '/'));
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
