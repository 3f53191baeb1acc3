package io.tracewire.agent.launch;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the agent's bootstrap bridge ({@code io/tracewire/bootstrap/}) into a small temporary jar
 * for the boot class path. Advice inlined into any class, whatever its loader, calls only these
 * classes; they use nothing but {@code java.base}.
 */
final class BootstrapJar {

  static final String PACKAGE_PATH = "io/tracewire/bootstrap/";

  private BootstrapJar() {}

  static File extract(File agentJar) throws IOException {
    File target = File.createTempFile("tracewire-bootstrap-", ".jar");
    target.deleteOnExit();
    try (JarFile source = new JarFile(agentJar);
        JarOutputStream out = new JarOutputStream(new FileOutputStream(target))) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(PACKAGE_PATH) && !entry.isDirectory()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    return target;
  }
}
