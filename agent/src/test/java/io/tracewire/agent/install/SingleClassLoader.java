package io.tracewire.agent.install;

/**
 * Defines one class itself (so it is the woven copy, verified by the JVM as it loads); everything
 * else comes from the test's own loader.
 */
final class SingleClassLoader extends ClassLoader {
  private final String name;
  private final byte[] classfile;

  SingleClassLoader(String name, byte[] classfile) {
    super(SingleClassLoader.class.getClassLoader());
    this.name = name;
    this.classfile = classfile;
  }

  @Override
  protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
    if (className.equals(name)) {
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : defineClass(className, classfile, 0, classfile.length);
      }
    }
    return super.loadClass(className, resolve);
  }
}
