package io.tracewire.testing.scenarios;

/**
 * Units of work the test extension traces as spans named after their label ({@code request X},
 * {@code step X}), so a test can check which span became whose parent.
 */
public final class Labels {

  private Labels() {}

  /** Runs {@code body} inside a span {@code request <label>}. */
  public static void request(String label, Runnable body) {
    body.run();
  }

  /** A span {@code step <label>} with nothing in it. */
  public static String step(String label) {
    return label;
  }
}
