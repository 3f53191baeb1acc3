package io.tracewire.agent.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Class files read from a jar or from a module of the running JDK, by binary class name. */
final class CorpusClasses {

  private CorpusClasses() {}

  static Map<String, byte[]> fromJar(Path jar) {
    Map<String, byte[]> classes = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String path = entry.getName();
        // Multi-release variants and module descriptors are not classes of their own.
        if (isClass(path) && !path.startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(entry)) {
            classes.put(binaryName(path), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(jar.toString(), e);
    }
    return classes;
  }

  /** The classes of one module of the running JDK, read from the {@code jrt:} file system. */
  static Map<String, byte[]> fromModule(String module) {
    Map<String, byte[]> classes = new TreeMap<>();
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Path root = jrt.getPath("/modules", module);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String path = root.relativize(file).toString();
        if (isClass(path)) {
          classes.put(binaryName(path), Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(module, e);
    }
    return classes;
  }

  private static boolean isClass(String path) {
    return path.endsWith(".class")
        && !path.endsWith("module-info.class")
        && !path.endsWith("package-info.class");
  }

  private static String binaryName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
