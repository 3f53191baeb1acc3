package io.tracewire.testing.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent placed before Tracewire on the command line that loads and initializes a class in
 * its {@code premain}: that class exists before Tracewire's gate does, so only a retransformation
 * can instrument it.
 */
public final class PreloadingAgent {

  private PreloadingAgent() {}

  public static void premain(String className) throws ClassNotFoundException {
    Class.forName(className, true, ClassLoader.getSystemClassLoader());
  }

  /** Writes a jar holding only a manifest naming this class (found on the child's class path). */
  public static Path writeJar(Path directory) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), PreloadingAgent.class.getName());
    Path jar = directory.resolve("preloading-agent.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
    return jar;
  }
}
