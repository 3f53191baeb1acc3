package io.tracewire.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassHeaderTest {

  static class Plain {}

  abstract static class SomeStatement implements java.sql.Statement, Runnable {
    static final long BIG = 1L << 40;
    static final double RATIO = 0.5;
  }

  private static byte[] bytes(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  @Test
  void findsADirectInterface() throws IOException {
    assertTrue(ClassHeader.isOrNamesDirectly(bytes(SomeStatement.class), Set.of("java/sql/Statement")));
    assertTrue(ClassHeader.isOrNamesDirectly(bytes(SomeStatement.class), Set.of("java/lang/Runnable")));
    assertFalse(ClassHeader.isOrNamesDirectly(bytes(Plain.class), Set.of("java/sql/Statement")));
  }

  @Test
  void findsTheClassItselfAndItsSuperclass() throws IOException {
    assertTrue(
        ClassHeader.isOrNamesDirectly(
            bytes(Plain.class), Set.of("io/tracewire/bootstrap/ClassHeaderTest$Plain")));
    assertTrue(ClassHeader.isOrNamesDirectly(bytes(Plain.class), Set.of("java/lang/Object")));
  }

  @Test
  void malformedInputIsNoMatch() {
    assertFalse(ClassHeader.isOrNamesDirectly(new byte[] {1, 2, 3}, Set.of("java/lang/Object")));
    assertFalse(ClassHeader.isOrNamesDirectly(new byte[0], Set.of("java/lang/Object")));
  }

  @Test
  void findsMarkers() throws IOException {
    byte[][] sql = {"java/sql/".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};
    assertTrue(ClassHeader.containsAny(bytes(SomeStatement.class), sql));
    assertFalse(ClassHeader.containsAny(bytes(Plain.class), sql));
    assertFalse(ClassHeader.containsAny(new byte[] {'j', 'a'}, sql));
  }
}
