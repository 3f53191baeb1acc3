package io.tracewire.testing.scenarios;

/**
 * Calls application methods from the first moment of {@code main}; the tests name them in
 * {@code otel.instrumentation.methods.include}.
 */
public final class ShopScenario {

  /** An application class whose methods the agent wraps in spans by configuration. */
  public static final class Checkout {
    public String placeOrder(String item) {
      return reserve(item) + ",paid";
    }

    String reserve(String item) {
      return "reserved " + item;
    }

    public void fail() {
      throw new IllegalStateException("out of stock");
    }
  }

  public static void main(String[] args) {
    Checkout checkout = new Checkout();
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    for (int i = 0; i < orders; i++) {
      System.out.println(checkout.placeOrder("book-" + i));
    }
    try {
      checkout.fail();
    } catch (IllegalStateException expected) {
      System.out.println("failed as expected");
    }
  }
}
