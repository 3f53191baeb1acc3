import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Answers Zipkin's v2 query API on loopback with generated traces, written as they are generated
 * (nothing is stored): trace i starts at BASE + i ms and has ten spans over three services
 * (frontend, checkout, inventory); one trace in fifty fails in inventory. Prints its port on stdout.
 *
 * <p>Usage: {@code java TracePageServer <traces>}
 */
public final class TracePageServer {

  static final long BASE_MS = 1_700_000_000_000L;
  static final int SPANS_PER_TRACE = 10;

  private final long traces;

  private TracePageServer(long traces) {
    this.traces = traces;
  }

  public static void main(String[] args) throws IOException {
    TracePageServer pages = new TracePageServer(Long.parseLong(args[0]));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/api/v2/services", exchange ->
        send(exchange, "[\"checkout\",\"frontend\",\"inventory\"]".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/api/v2/traces", pages::traces);
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Traces starting in [endTs - lookback, endTs] ms, newest first, at most limit. */
  private void traces(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    long endTs = Long.parseLong(query.get("endTs"));
    long lookback = Long.parseLong(query.get("lookback"));
    int limit = Integer.parseInt(query.get("limit"));
    long newest = Math.min(traces - 1, endTs - BASE_MS);
    long oldest = Math.max(0, Math.max(endTs - lookback - BASE_MS, newest - limit + 1));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0); // chunked: the page is written as it is generated
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
      StringBuilder json = new StringBuilder(4096);
      out.write('[');
      for (long i = newest; i >= oldest; i--) {
        json.setLength(0);
        if (i != newest) {
          json.append(',');
        }
        trace(i, json);
        out.write(json.toString().getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write(']');
    }
  }

  private static void trace(long i, StringBuilder json) {
    long start = (BASE_MS + i) * 1000;
    long seed = mix(i);
    long total = 2_000 + (seed & 0xFFFFF) % 400_000; // 2 ms to 400 ms
    boolean failed = i % 50 == 0;
    String traceId = String.format("%016x%016x", mix(i + 1), i);
    json.append('[');
    span(json, traceId, 0, -1, "frontend", "GET /checkout", "SERVER", start, total, null);
    span(json, traceId, 1, 0, "frontend", "SELECT carts", "CLIENT", start + 100, total / 10, null);
    span(json, traceId, 2, 0, "frontend", "charge", "CLIENT", start + 200 + total / 10, total / 2, null);
    span(json, traceId, 3, 2, "checkout", "charge", "SERVER", start + 300 + total / 10, total / 2 - 200,
        failed ? "reserve failed" : null);
    span(json, traceId, 4, 3, "checkout", "INSERT payments", "CLIENT", start + 400 + total / 10, total / 8, null);
    span(json, traceId, 5, 3, "checkout", "reserve", "CLIENT", start + 500 + total / 4, total / 5, null);
    span(json, traceId, 6, 5, "inventory", "reserve", "SERVER", start + 600 + total / 4, total / 5 - 200,
        failed ? "lock timeout" : null);
    span(json, traceId, 7, 6, "inventory", "SELECT stock", "CLIENT", start + 700 + total / 4, total / 20, null);
    span(json, traceId, 8, 6, "inventory", "UPDATE stock", "CLIENT", start + 800 + total / 4 + total / 20,
        total / 10, failed ? "lock timeout" : null);
    span(json, traceId, 9, 0, "frontend", "render", null, start + total * 8 / 10, total / 6, null);
    json.append(']');
  }

  private static void span(StringBuilder json, String traceId, int id, int parent, String service, String name,
      String kind, long timestamp, long duration, String error) {
    if (id > 0) {
      json.append(',');
    }
    json.append("{\"traceId\":\"").append(traceId).append('"');
    if (parent >= 0) {
      json.append(",\"parentId\":\"").append(traceId, 17, 32).append(parent).append('"');
    }
    json.append(",\"id\":\"").append(traceId, 17, 32).append(id).append('"');
    if (kind != null) {
      json.append(",\"kind\":\"").append(kind).append('"');
    }
    json.append(",\"name\":\"").append(name).append("\",\"timestamp\":").append(timestamp)
        .append(",\"duration\":").append(Math.max(1, duration))
        .append(",\"localEndpoint\":{\"serviceName\":\"").append(service).append("\",\"ipv4\":\"10.0.0.7\"}")
        .append(",\"tags\":{\"otel.scope.name\":\"io.tracewire\",\"thread.name\":\"worker-3\"");
    if (error != null) {
      json.append(",\"error\":\"").append(error).append("\",\"otel.status_code\":\"ERROR\"");
    }
    json.append("}}");
  }

  /** A cheap, fixed pseudo-random mix so every run serves the same traces. */
  private static long mix(long x) {
    x += 0x9E3779B97F4A7C15L;
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
