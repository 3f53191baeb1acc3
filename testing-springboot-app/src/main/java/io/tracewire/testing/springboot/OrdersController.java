package io.tracewire.testing.springboot;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** Orders from H2; a summary that asks this same service for the order over HTTP. */
@RestController
class OrdersController {

  private final JdbcTemplate jdbc;
  private final RestClient.Builder restClients;
  private final WebServerApplicationContext server;

  OrdersController(JdbcTemplate jdbc, RestClient.Builder restClients, WebServerApplicationContext server) {
    this.jdbc = jdbc;
    this.restClients = restClients;
    this.server = server;
  }

  @GetMapping("/orders/{id}")
  String order(@PathVariable("id") int id) {
    return jdbc.queryForObject("SELECT customer FROM orders WHERE id = ?", String.class, id);
  }

  @GetMapping("/orders/{id}/summary")
  String summary(@PathVariable("id") int id) {
    String base = "http://127.0.0.1:" + server.getWebServer().getPort();
    String customer = restClients.baseUrl(base).build().get().uri("/orders/{id}", id).retrieve().body(String.class);
    return "order " + id + " for " + customer;
  }
}
