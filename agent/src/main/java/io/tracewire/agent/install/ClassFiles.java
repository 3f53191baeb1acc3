package io.tracewire.agent.install;

import java.io.IOException;
import java.io.InputStream;

/** Reads class files through a class loader's resources, without loading any class. */
final class ClassFiles {

  private ClassFiles() {}

  /** The class file of {@code internalName}, or {@code null} when the loader cannot find it. */
  static byte[] read(ClassLoader loader, String internalName) {
    ClassLoader source = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
    try (InputStream in = source.getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
