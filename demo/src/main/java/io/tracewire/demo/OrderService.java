package io.tracewire.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Places orders: each item reserved at the inventory service, then the order and its lines, then
 * an order event for shipping.
 */
final class OrderService {

  private final Connection connection;
  private final InventoryClient inventory;
  private final OrderEvents events;
  private int nextOrderId = 1;

  OrderService(Connection connection, InventoryClient inventory, OrderEvents events) {
    this.connection = connection;
    this.inventory = inventory;
    this.events = events;
  }

  int placeOrder(String customer, List<String> skus, int quantity) throws SQLException, IOException {
    int total = 0;
    for (String sku : skus) {
      total += inventory.reserve(sku, quantity) * quantity;
    }
    int orderId = nextOrderId++;
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO orders (id, customer, total_cents) VALUES (?, ?, ?)")) {
      insert.setInt(1, orderId);
      insert.setString(2, customer);
      insert.setInt(3, total);
      insert.executeUpdate();
    }
    try (PreparedStatement lines =
        connection.prepareStatement("INSERT INTO order_lines (order_id, sku, quantity) VALUES (?, ?, ?)")) {
      for (String sku : skus) {
        lines.setInt(1, orderId);
        lines.setString(2, sku);
        lines.setInt(3, quantity);
        lines.addBatch();
      }
      lines.executeBatch();
    }
    events.orderPlaced(orderId);
    return orderId;
  }

  List<String> listOrders(String customer) throws SQLException {
    List<String> orders = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT o.id, o.total_cents, COUNT(l.sku) FROM orders o JOIN order_lines l ON l.order_id = o.id"
                + " WHERE o.customer = ? GROUP BY o.id, o.total_cents ORDER BY o.id")) {
      query.setString(1, customer);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          orders.add(
              "order " + result.getInt(1) + " (" + result.getInt(3) + " items, "
                  + result.getInt(2) / 100.0 + ")");
        }
      }
    }
    return orders;
  }
}
