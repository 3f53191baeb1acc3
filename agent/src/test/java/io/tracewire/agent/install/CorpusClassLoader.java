package io.tracewire.agent.install;

import java.lang.module.ModuleDescriptor;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * Defines a corpus's classes itself, from the bytes it is given (original or woven), so that the
 * JVM verifies those bytes when the class links. The agent's bridge comes from the test's own
 * loader, everything else from the JDK.
 *
 * <p>Classes of the JDK's public API (the packages its modules export) always come from the JDK:
 * no other loader may define a {@code java.*} class, and two copies of an API type break loader
 * constraints. Such a class is checked under {@link #checkedName its own name behind a prefix}:
 * only its own name changes, every reference to another class still reaches the JDK's.
 */
final class CorpusClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String RENAMED = "tracewire.corpus.";
  private static final ClassLoader BRIDGE = CorpusClassLoader.class.getClassLoader();

  private static final Set<String> JDK_API_PACKAGES = jdkApiPackages();

  private final Function<String, byte[]> classfiles;

  /** @param classfiles the class file to define for a binary name, or null to ask the JDK */
  CorpusClassLoader(Function<String, byte[]> classfiles) {
    super("corpus", ClassLoader.getPlatformClassLoader());
    this.classfiles = classfiles;
  }

  /** The name under which a corpus class is defined here. */
  static String checkedName(String name) {
    return isJdkApi(name) ? RENAMED + name : name;
  }

  private static boolean isJdkApi(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && JDK_API_PACKAGES.contains(name.substring(0, dot));
  }

  private static Set<String> jdkApiPackages() {
    Set<String> packages = new HashSet<>();
    for (Module module : ModuleLayer.boot().modules()) {
      for (ModuleDescriptor.Exports exports : module.getDescriptor().exports()) {
        if (!exports.isQualified()) {
          packages.add(exports.source());
        }
      }
    }
    return packages;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("io.tracewire.bootstrap.")) {
      return BRIDGE.loadClass(name);
    }
    boolean renamed = name.startsWith(RENAMED);
    String original = renamed ? name.substring(RENAMED.length()) : name;
    byte[] classfile = isJdkApi(name) ? null : classfiles.apply(original);
    if (classfile == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) {
        return loaded;
      }
      byte[] defined = renamed ? rename(classfile, original, name) : classfile;
      return defineClass(name, defined, 0, defined.length);
    }
  }

  private static byte[] rename(byte[] classfile, String from, String to) {
    ClassReader reader = new ClassReader(classfile);
    ClassWriter writer = new ClassWriter(0);
    reader.accept(
        new ClassRemapper(writer, new SimpleRemapper(from.replace('.', '/'), to.replace('.', '/'))), 0);
    return writer.toByteArray();
  }
}
