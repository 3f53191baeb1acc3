package io.tracewire.testing.scenarios;

/**
 * Does some traced work, then receives SIGTERM (sent to itself, as an orchestrator would) while
 * still running. The agent must flush the spans on the way out.
 */
public final class TerminatedScenario {

  public static void main(String[] args) throws Exception {
    ShopScenario.Checkout checkout = new ShopScenario.Checkout();
    for (int i = 0; i < 3; i++) {
      checkout.placeOrder("book-" + i);
    }
    System.out.println("sending SIGTERM");
    new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).inheritIO().start();
    Thread.sleep(60_000);
    System.out.println("never reached");
  }
}
