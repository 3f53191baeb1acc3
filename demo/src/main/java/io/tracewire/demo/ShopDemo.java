package io.tracewire.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A small shop: a catalogue, stock and orders in a relational database, and a few customer
 * requests against it. It has no tracing code at all; run it under the agent to see its traces.
 *
 * <p>H2 in memory by default; {@code --jdbc-url=jdbc:postgresql://127.0.0.1:5432/test
 * --user=postgres} (or any JDBC URL whose driver is on the class path) uses a real database.
 */
public final class ShopDemo {

  private ShopDemo() {}

  public static void main(String[] args) throws SQLException {
    String url = option(args, "--jdbc-url=", "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
    String user = option(args, "--user=", "sa");
    String password = option(args, "--password=", "");
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      Catalogue catalogue = new Catalogue(connection);
      catalogue.createSchema();
      catalogue.seed();
      OrderService orders = new OrderService(connection, catalogue);
      Storefront storefront = new Storefront(orders);
      storefront.handle(new Storefront.Request("ada", List.of("book-1", "book-2"), 1));
      storefront.handle(new Storefront.Request("grace", List.of("lamp-7"), 2));
      storefront.handle(new Storefront.Request("alan", List.of("unknown-sku"), 1));
      storefront.history("ada");
    }
    System.out.println("shop closed");
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
