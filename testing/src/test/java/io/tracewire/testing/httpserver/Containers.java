package io.tracewire.testing.httpserver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classpath of one servlet container scenario, as the build laid it out in {@code
 * target/containers}: the entries of {@code <name>.classpath} (resolved dependencies) and the jars
 * of the folder {@code <name>/} (versions the test classpath cannot hold).
 */
final class Containers {

  private Containers() {}

  static List<String> classpath(String name) {
    Path dir = Path.of(System.getProperty("tracewire.containers.dir", "target/containers")).toAbsolutePath();
    List<String> entries = new ArrayList<>();
    try {
      Path file = dir.resolve(name + ".classpath");
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file).trim();
        entries.addAll(Arrays.asList(text.split(File.pathSeparator)));
      }
      Path jars = dir.resolve(name);
      if (Files.isDirectory(jars)) {
        try (Stream<Path> list = Files.list(jars)) {
          list.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> entries.add(jar.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (entries.isEmpty()) {
      throw new AssertionError("no classpath for " + name + " in " + dir + ": run the tests with Maven");
    }
    return entries;
  }
}
