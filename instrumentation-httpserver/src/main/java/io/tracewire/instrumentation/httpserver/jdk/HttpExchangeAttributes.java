package io.tracewire.instrumentation.httpserver.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.tracewire.instrumentation.api.http.HttpServerAttributesGetter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;

/**
 * Reads a JDK {@code HttpExchange} (request and response are the one object) through its public
 * API only. No route: a context is a path prefix the handler dispatches below, not a template of
 * the request's path (see the design notes).
 */
final class HttpExchangeAttributes implements HttpServerAttributesGetter<HttpExchange, HttpExchange> {

  @Override
  public String method(HttpExchange exchange) {
    return exchange.getRequestMethod();
  }

  @Override
  public String scheme(HttpExchange exchange) {
    return exchange instanceof HttpsExchange ? "https" : "http";
  }

  @Override
  public String path(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    return uri == null ? null : uri.getRawPath();
  }

  @Override
  public String query(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    return uri == null ? null : uri.getRawQuery();
  }

  @Override
  public List<String> requestHeader(HttpExchange exchange, String name) {
    return values(exchange.getRequestHeaders(), name);
  }

  @Override
  public Iterable<String> requestHeaderNames(HttpExchange exchange) {
    Headers headers = exchange.getRequestHeaders();
    return headers == null ? Collections.emptyList() : headers.keySet();
  }

  @Override
  public Integer statusCode(HttpExchange exchange) {
    // Set by sendResponseHeaders; -1 until the handler sent them.
    int status = exchange.getResponseCode();
    return status > 0 ? status : null;
  }

  @Override
  public List<String> responseHeader(HttpExchange exchange, String name) {
    return values(exchange.getResponseHeaders(), name);
  }

  @Override
  public String peerAddress(HttpExchange exchange) {
    return hostAddress(exchange.getRemoteAddress());
  }

  @Override
  public String localAddress(HttpExchange exchange) {
    return hostAddress(exchange.getLocalAddress());
  }

  @Override
  public Integer localPort(HttpExchange exchange) {
    InetSocketAddress local = exchange.getLocalAddress();
    return local == null ? null : local.getPort();
  }

  @Override
  public String protocolVersion(HttpExchange exchange) {
    return exchange.getProtocol();
  }

  private static List<String> values(Headers headers, String name) {
    // Headers looks names up case-insensitively.
    List<String> values = headers == null ? null : headers.get(name);
    return values == null ? Collections.emptyList() : values;
  }

  private static String hostAddress(InetSocketAddress socket) {
    if (socket == null) {
      return null;
    }
    InetAddress address = socket.getAddress();
    return address != null ? address.getHostAddress() : socket.getHostString();
  }
}
