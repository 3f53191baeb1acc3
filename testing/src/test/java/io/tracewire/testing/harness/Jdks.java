package io.tracewire.testing.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The JDKs end-to-end tests run on: see {@link #all()} and {@link JdkMatrix}. */
public final class Jdks {

  /** Where the newest supported JDK is installed on developer and CI machines. */
  static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private Jdks() {}

  /** The JDK running the tests, then Temurin 25 when {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java} exists. */
  public static Stream<Jdk> all() {
    Set<Jdk> jdks = new LinkedHashSet<>();
    jdks.add(Jdk.current());
    if (Files.isExecutable(TEMURIN_25.resolve("bin").resolve("java"))) {
      // The same JDK twice (tests already running on Temurin 25) would only double the run time.
      jdks.add(Jdk.at(TEMURIN_25));
    }
    return jdks.stream();
  }
}
