package io.tracewire.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Products and their stock. */
final class Catalogue {

  private final Connection connection;

  Catalogue(Connection connection) {
    this.connection = connection;
  }

  void createSchema() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS order_lines");
      statement.execute("DROP TABLE IF EXISTS orders");
      statement.execute("DROP TABLE IF EXISTS products");
      statement.execute(
          "CREATE TABLE products (sku VARCHAR(32) PRIMARY KEY, name VARCHAR(100), price_cents INT, stock INT)");
      statement.execute(
          "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(64), total_cents INT)");
      statement.execute(
          "CREATE TABLE order_lines (order_id INT, sku VARCHAR(32), quantity INT)");
    }
  }

  void seed() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, ?, ?)")) {
      addProduct(insert, "book-1", "The Art of Tracing", 3900, 10);
      addProduct(insert, "book-2", "Spans and Context", 2900, 5);
      addProduct(insert, "lamp-7", "Desk lamp", 4500, 3);
      insert.executeBatch();
    }
  }

  private static void addProduct(PreparedStatement insert, String sku, String name, int price, int stock)
      throws SQLException {
    insert.setString(1, sku);
    insert.setString(2, name);
    insert.setInt(3, price);
    insert.setInt(4, stock);
    insert.addBatch();
  }

  /** The price of one unit, or an exception for an unknown product. */
  int price(String sku) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT price_cents FROM products WHERE sku = ?")) {
      query.setString(1, sku);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new IllegalArgumentException("unknown product " + sku);
        }
        return result.getInt(1);
      }
    }
  }

  void takeFromStock(String sku, int quantity) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE products SET stock = stock - ? WHERE sku = ? AND stock >= ?")) {
      update.setInt(1, quantity);
      update.setString(2, sku);
      update.setInt(3, quantity);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("out of stock: " + sku);
      }
    }
  }
}
