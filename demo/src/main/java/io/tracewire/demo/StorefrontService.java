package io.tracewire.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;

/**
 * The storefront service: {@code POST /checkout?customer=...&items=a,b&quantity=N} places an order
 * (201, or 422 when the inventory refuses an item); {@code GET /orders?customer=...} lists them.
 */
final class StorefrontService implements AutoCloseable {

  private final HttpServer server;
  private final OrderService orders;

  StorefrontService(OrderService orders) throws IOException {
    this.orders = orders;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/checkout", this::checkout);
    server.createContext("/orders", this::history);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void checkout(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpHandlers.query(exchange);
    String customer = query.getOrDefault("customer", "anonymous");
    try {
      int id =
          orders.placeOrder(
              customer,
              Arrays.asList(query.getOrDefault("items", "").split(",")),
              Integer.parseInt(query.getOrDefault("quantity", "1")));
      HttpHandlers.answer(exchange, 201, "order " + id + " placed for " + customer);
    } catch (Exception refused) {
      HttpHandlers.answer(exchange, 422, "order refused for " + customer + ": " + refused.getMessage());
    }
  }

  private void history(HttpExchange exchange) throws IOException {
    String customer = HttpHandlers.query(exchange).getOrDefault("customer", "anonymous");
    try {
      HttpHandlers.answer(exchange, 200, customer + ": " + orders.listOrders(customer));
    } catch (Exception e) {
      HttpHandlers.answer(exchange, 500, "history failed");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
