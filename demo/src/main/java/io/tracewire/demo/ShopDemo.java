package io.tracewire.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A small shop of two services in one JVM, with no tracing code at all: run it under the agent to
 * see its traces. A customer checks out at the storefront service (over the JDK {@code
 * HttpClient}); the storefront reserves each item at the inventory service (over {@code
 * HttpURLConnection}) and records the order in a relational database, where the inventory keeps
 * its stock; when RabbitMQ answers on 127.0.0.1:5672, an order event goes to a shipping consumer.
 *
 * <p>H2 in memory by default; {@code --jdbc-url=jdbc:postgresql://127.0.0.1:5432/test
 * --user=postgres} (or any JDBC URL whose driver is on the class path) uses a real database.
 */
public final class ShopDemo {

  private ShopDemo() {}

  public static void main(String[] args) throws Exception {
    String url = option(args, "--jdbc-url=", "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
    String user = option(args, "--user=", "sa");
    String password = option(args, "--password=", "");
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      Catalogue catalogue = new Catalogue(connection);
      catalogue.createSchema();
      catalogue.seed();
      try (OrderEvents events = OrderEvents.connect(connection);
          InventoryService inventory = new InventoryService(catalogue);
          StorefrontService storefront =
              new StorefrontService(
                  new OrderService(connection, new InventoryClient(inventory.baseUrl()), events))) {
        HttpClient customer = HttpClient.newHttpClient();
        String shop = storefront.baseUrl();
        call(customer, "POST", shop + "/checkout?customer=ada&items=book-1,book-2&quantity=1");
        call(customer, "POST", shop + "/checkout?customer=grace&items=lamp-7&quantity=2");
        call(customer, "POST", shop + "/checkout?customer=alan&items=unknown-sku&quantity=1");
        call(customer, "GET", shop + "/orders?customer=ada");
        events.awaitShipping();
      }
    }
    System.out.println("shop closed");
  }

  private static void call(HttpClient client, String method, String url) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println(response.statusCode() + " " + response.body());
  }

  private static String option(String[] args, String prefix, String defaultValue) {
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        return arg.substring(prefix.length());
      }
    }
    return defaultValue;
  }
}
