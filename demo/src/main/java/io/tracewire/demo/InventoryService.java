package io.tracewire.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The inventory service: {@code POST /reserve?sku=...&quantity=...} takes units from stock and
 * answers the unit price (404 for an unknown product, 409 when out of stock).
 */
final class InventoryService implements AutoCloseable {

  private final HttpServer server;
  private final Catalogue catalogue;

  InventoryService(Catalogue catalogue) throws IOException {
    this.catalogue = catalogue;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/reserve", this::reserve);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void reserve(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpHandlers.query(exchange);
    String sku = query.getOrDefault("sku", "");
    try {
      int price = catalogue.price(sku);
      catalogue.takeFromStock(sku, Integer.parseInt(query.getOrDefault("quantity", "1")));
      HttpHandlers.answer(exchange, 200, String.valueOf(price));
    } catch (IllegalArgumentException unknown) {
      HttpHandlers.answer(exchange, 404, unknown.getMessage());
    } catch (IllegalStateException outOfStock) {
      HttpHandlers.answer(exchange, 409, outOfStock.getMessage());
    } catch (Exception e) {
      HttpHandlers.answer(exchange, 500, "inventory failed");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
