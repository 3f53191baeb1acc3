package io.tracewire.testing.scenarios;

/** A program that ends the moment it starts: whatever the agent did not print before main is lost. */
public final class InstantExitScenario {

  private InstantExitScenario() {}

  public static void main(String[] args) {
    System.err.println("main started");
    System.err.flush();
    // No shutdown hook runs, no background thread gets another moment.
    Runtime.getRuntime().halt(0);
  }
}
