package io.tracewire.testing.scenarios.servlet;

import io.tracewire.testing.scenarios.RawHttpClient;

/**
 * Deploys {@link ShopServlets} under {@code /shop} in the container named by the first argument
 * ({@code tomcat} or {@code jetty}, whichever is on the classpath) and sends itself one request of
 * each kind over a raw socket, printing {@code PORT <n>} and each answer's status.
 */
public final class ServletContainerScenario {

  /** The trace and parent span the first request carries in its traceparent. */
  public static final String TRACE_ID = "5af7651916cd43dd8448eb211c80319c";
  public static final String PARENT_ID = "b7ad6b7169203331";

  /** One container, started with the shop deployed. */
  interface Container extends AutoCloseable {
    int port();
  }

  public static void main(String[] args) throws Exception {
    ShopServlets.createDatabase();
    try (Container container = args[0].equals("jetty") ? JettyShop.start() : TomcatShop.start()) {
      int port = container.port();
      System.out.println("PORT " + port);
      print("orders", RawHttpClient.send(port, "GET", "/shop/orders/7?token=abc&X-Amz-Signature=secret",
          "traceparent: 00-" + TRACE_ID + "-" + PARENT_ID + "-01",
          "User-Agent: scenario-agent/1.0",
          "Cookie: session=secret-cookie"));
      print("forward", RawHttpClient.send(port, "GET", "/shop/forward"));
      print("include", RawHttpClient.send(port, "GET", "/shop/include"));
      print("fail", RawHttpClient.send(port, "GET", "/shop/fail"));
      print("404", RawHttpClient.send(port, "GET", "/shop/status/404"));
      print("503", RawHttpClient.send(port, "GET", "/shop/status/503"));
      print("async", RawHttpClient.send(port, "GET", "/shop/async"));
      print("async-dispatch", RawHttpClient.send(port, "GET", "/shop/async-dispatch"));
    }
  }

  private static void print(String label, RawHttpClient.Answer answer) {
    System.out.println(label + " " + answer.status());
  }
}
