package io.tracewire.agent.launch;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the agent's bootstrap bridge ({@code io/tracewire/bootstrap/}) in the boot class loader.
 * Advice inlined into any class, whatever its loader, calls only these few classes, which use
 * nothing but {@code java.base} and {@code java.instrument}.
 *
 * <p>They are defined directly in the boot loader. Appending a jar to the boot class path would
 * work as well, but it makes HotSpot turn off class data sharing for every class outside the boot
 * loader (slower start-up, and a VM warning on standard error), so that is only the fallback.
 */
public final class BootstrapClasses {

  static final String PACKAGE_PATH = "io/tracewire/bootstrap/";

  private BootstrapClasses() {}

  public static void install(Instrumentation instrumentation, File agentJar) throws IOException {
    List<JarEntry> entries = new ArrayList<>();
    try (JarFile jar = new JarFile(agentJar)) {
      Enumeration<JarEntry> all = jar.entries();
      while (all.hasMoreElements()) {
        JarEntry entry = all.nextElement();
        if (entry.getName().startsWith(PACKAGE_PATH) && entry.getName().endsWith(".class")) {
          entries.add(entry);
        }
      }
      try {
        defineInBootLoader(instrumentation, jar, entries);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(copyToTemporaryJar(jar, entries)));
      }
    }
  }

  private static void defineInBootLoader(
      Instrumentation instrumentation, JarFile jar, List<JarEntry> entries)
      throws ReflectiveOperationException, IOException {
    Module javaBase = Object.class.getModule();
    instrumentation.redefineModule(
        javaBase,
        Set.of(),
        Map.of("jdk.internal.misc", Set.of(BootstrapClasses.class.getModule())),
        Map.of(),
        Set.of(),
        Map.of());
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method define =
        unsafeType.getMethod(
            "defineClass",
            String.class,
            byte[].class,
            int.class,
            int.class,
            ClassLoader.class,
            ProtectionDomain.class);
    for (JarEntry entry : entries) {
      String name = entry.getName();
      String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      byte[] bytes;
      try (InputStream in = jar.getInputStream(entry)) {
        bytes = in.readAllBytes();
      }
      define.invoke(unsafe, className, bytes, 0, bytes.length, null, null);
    }
  }

  private static File copyToTemporaryJar(JarFile source, List<JarEntry> entries) throws IOException {
    File target = File.createTempFile("tracewire-bootstrap-", ".jar");
    target.deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(new FileOutputStream(target))) {
      for (JarEntry entry : entries) {
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return target;
  }
}
