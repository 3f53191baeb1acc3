package io.tracewire.testing.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** An installed JDK a child JVM can run on, named after its feature version ({@code java17}, {@code java25}). */
public final class Jdk {

  private final Path home;
  private final int featureVersion;

  private Jdk(Path home, int featureVersion) {
    this.home = home;
    this.featureVersion = featureVersion;
  }

  /** The JDK running this test JVM. */
  public static Jdk current() {
    return new Jdk(canonical(Path.of(System.getProperty("java.home"))), Runtime.version().feature());
  }

  /**
   * The JDK installed at {@code home}; its version comes from the {@code release} file there, so no process is
   * started.
   *
   * @throws IllegalArgumentException when {@code home} has no {@code bin/java} or no readable version
   */
  public static Jdk at(Path home) {
    Path normalized = canonical(home);
    if (!Files.isExecutable(normalized.resolve("bin").resolve("java"))) {
      throw new IllegalArgumentException("No bin/java under " + normalized);
    }
    int feature = releaseFeatureVersion(normalized)
        .orElseThrow(() -> new IllegalArgumentException("No JAVA_VERSION in " + normalized.resolve("release")));
    return new Jdk(normalized, feature);
  }

  /** {@code java} followed by the feature version, e.g. {@code java17}. */
  public String name() {
    return "java" + featureVersion;
  }

  /** The feature version, e.g. 17 or 25. */
  public int featureVersion() {
    return featureVersion;
  }

  /** The JDK's home directory. */
  public Path home() {
    return home;
  }

  /** The {@code bin/java} launcher of this JDK. */
  public Path javaExecutable() {
    return home.resolve("bin").resolve("java");
  }

  /** The {@link #name()}, so parameterized tests are displayed as {@code [java17]}. */
  @Override
  public String toString() {
    return name();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Jdk && ((Jdk) other).home.equals(home);
  }

  @Override
  public int hashCode() {
    return Objects.hash(home);
  }

  // Resolves symlinks so one JDK reached through two paths is recognised as one.
  private static Path canonical(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  // JAVA_VERSION="17.0.15" -> 17, "1.8.0_402" -> 8.
  static Optional<Integer> releaseFeatureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return parseFeature(line.substring("JAVA_VERSION=".length()).replace("\"", "").trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + release, e);
    }
    return Optional.empty();
  }

  static Optional<Integer> parseFeature(String version) {
    String[] parts = version.split("[.+_-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
