package io.tracewire.demo;

import java.util.List;

/** The shop's entry point for customer requests: each call is one request. */
final class Storefront {

  /** A customer's checkout request. */
  static final class Request {
    final String customer;
    final List<String> skus;
    final int quantity;

    Request(String customer, List<String> skus, int quantity) {
      this.customer = customer;
      this.skus = skus;
      this.quantity = quantity;
    }
  }

  private final OrderService orders;

  Storefront(OrderService orders) {
    this.orders = orders;
  }

  void handle(Request request) {
    try {
      int id = orders.placeOrder(request.customer, request.skus, request.quantity);
      System.out.println("order " + id + " placed for " + request.customer);
    } catch (Exception e) {
      System.out.println("order refused for " + request.customer + ": " + e.getMessage());
    }
  }

  void history(String customer) throws java.sql.SQLException {
    System.out.println(customer + ": " + orders.listOrders(customer));
  }
}
