package io.tracewire.testing.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdksTest {

  @Test
  void includesTheRunningJdkFirstAndTemurin25WhenInstalled() {
    List<Jdk> jdks = Jdks.all().collect(Collectors.toList());
    assertEquals(Jdk.current(), jdks.get(0));
    assertEquals("java" + Runtime.version().feature(), jdks.get(0).name());
    boolean temurin = Files.isExecutable(Jdks.TEMURIN_25.resolve("bin/java"));
    assertEquals(temurin || Runtime.version().feature() == 25, jdks.stream().anyMatch(jdk -> jdk.name().equals("java25")),
        jdks::toString);
    jdks.forEach(jdk -> assertTrue(Files.isExecutable(jdk.javaExecutable()), jdk::toString));
  }

  @Test
  void parsesReleaseVersions() {
    assertEquals(Optional.of(17), Jdk.parseFeature("17.0.15"));
    assertEquals(Optional.of(25), Jdk.parseFeature("25"));
    assertEquals(Optional.of(8), Jdk.parseFeature("1.8.0_402"));
    assertEquals(Optional.of(21), Jdk.parseFeature("21-ea"));
    assertEquals(Optional.empty(), Jdk.parseFeature("unknown"));
  }
}
