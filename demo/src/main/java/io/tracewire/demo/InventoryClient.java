package io.tracewire.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The storefront's way to the inventory service, over {@code HttpURLConnection}. */
final class InventoryClient {

  private final String baseUrl;

  InventoryClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Takes {@code quantity} units of {@code sku} from stock and returns the unit price in cents. */
  int reserve(String sku, int quantity) throws IOException {
    URL url =
        new URL(baseUrl + "/reserve?sku=" + URLEncoder.encode(sku, StandardCharsets.UTF_8) + "&quantity=" + quantity);
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    int status = connection.getResponseCode();
    try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      String answer = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IllegalStateException(answer);
      }
      return Integer.parseInt(answer.trim());
    }
  }
}
