package io.tracewire.instrumentation.httpserver.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The getter on a real exchange of the JDK server, read while the handler runs and after it answered. */
class HttpExchangeAttributesTest {

  @Test
  void readsTheRequestAndTheStatusThroughThePublicApi() throws Exception {
    HttpExchangeAttributes getter = new HttpExchangeAttributes();
    Map<String, Object> seen = new HashMap<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.createContext("/", exchange -> {
      seen.put("method", getter.method(exchange));
      seen.put("scheme", getter.scheme(exchange));
      seen.put("path", getter.path(exchange));
      seen.put("query", getter.query(exchange));
      seen.put("header", getter.requestHeader(exchange, "x-custom"));
      seen.put("missing", getter.requestHeader(exchange, "x-missing"));
      seen.put("names", getter.requestHeaderNames(exchange));
      seen.put("statusBefore", getter.statusCode(exchange));
      seen.put("peer", getter.peerAddress(exchange));
      seen.put("localPort", getter.localPort(exchange));
      seen.put("protocol", getter.protocolVersion(exchange));
      seen.put("route", getter.route(exchange));
      exchange.getResponseHeaders().add("X-Answer", "yes");
      exchange.sendResponseHeaders(418, -1);
      seen.put("statusAfter", getter.statusCode(exchange));
      seen.put("responseHeader", getter.responseHeader(exchange, "x-answer"));
      exchange.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      HttpResponse<Void> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/a%20b/c?x=1&y=%2F"))
                      .header("X-Custom", "one")
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertEquals(418, response.statusCode());
      assertEquals("GET", seen.get("method"));
      assertEquals("http", seen.get("scheme"));
      assertEquals("/a%20b/c", seen.get("path"));
      assertEquals("x=1&y=%2F", seen.get("query"));
      assertEquals(List.of("one"), seen.get("header"));
      assertEquals(List.of(), seen.get("missing"));
      assertTrue(seen.get("names").toString().toLowerCase().contains("x-custom"), seen.toString());
      assertNull(seen.get("statusBefore"));
      assertEquals(418, seen.get("statusAfter"));
      assertEquals(List.of("yes"), seen.get("responseHeader"));
      assertEquals("127.0.0.1", seen.get("peer"));
      assertEquals(port, seen.get("localPort"));
      assertEquals("HTTP/1.1", seen.get("protocol"));
      assertNull(seen.get("route"));
    } finally {
      server.stop(0);
    }
  }
}
