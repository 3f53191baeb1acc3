package io.tracewire.testing.scenarios;

/**
 * Two "versions" of a library class: the test extension requires {@code greet(String)}, which
 * only the modern one has, and also intercepts {@code wave()}, which both have.
 */
public final class LibraryVersionScenario {

  /** The version the instrumentation was written for. */
  public static final class ModernGreeter {
    public String greet(String name) {
      return "hello " + name;
    }

    public String wave() {
      return "wave";
    }
  }

  /** An older version without {@code greet(String)}: must be left untouched. */
  public static final class LegacyGreeter {
    public String greet() {
      return "hello";
    }

    public String wave() {
      return "legacy wave";
    }
  }

  public static void main(String[] args) {
    ModernGreeter modern = new ModernGreeter();
    LegacyGreeter legacy = new LegacyGreeter();
    System.out.println(modern.greet("ada") + " / " + modern.wave());
    System.out.println(legacy.greet() + " / " + legacy.wave());
  }
}
