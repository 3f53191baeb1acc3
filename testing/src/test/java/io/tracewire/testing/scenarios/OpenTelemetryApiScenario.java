package io.tracewire.testing.scenarios;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An application that traces with the OpenTelemetry API alone (no SDK of its own) next to the
 * agent's JDBC spans and a method the agent traces. It uses only what API 1.0 has, so it runs on
 * every 1.x. Argument: {@code current} for {@code io.opentelemetry.instrumentation.annotations},
 * {@code legacy} for {@code io.opentelemetry.extension.annotations}.
 */
public final class OpenTelemetryApiScenario {

  private static final String URL = "jdbc:h2:mem:otelapi;DB_CLOSE_DELAY=-1";

  /** What both annotation flavours offer. */
  public interface Inventory {
    String reserve(String sku, int count, String note);

    void ship();

    void fail();

    CompletableFuture<String> later(ExecutorService pool);

    CompletableFuture<String> laterFailing(ExecutorService pool);
  }

  /** {@code io.opentelemetry.instrumentation.annotations}. */
  public static final class CurrentAnnotations implements Inventory {
    @Override
    @io.opentelemetry.instrumentation.annotations.WithSpan
    public String reserve(
        @io.opentelemetry.instrumentation.annotations.SpanAttribute("item.sku") String sku,
        @io.opentelemetry.instrumentation.annotations.SpanAttribute("item.count") int count,
        String note) {
      return reserved(sku, count);
    }

    @Override
    @io.opentelemetry.instrumentation.annotations.WithSpan(value = "ship-order", kind = SpanKind.PRODUCER)
    public void ship() {}

    @Override
    @io.opentelemetry.instrumentation.annotations.WithSpan
    public void fail() {
      throw new IllegalStateException("out of stock");
    }

    @Override
    @io.opentelemetry.instrumentation.annotations.WithSpan
    public CompletableFuture<String> later(ExecutorService pool) {
      return delayed(pool);
    }

    @Override
    @io.opentelemetry.instrumentation.annotations.WithSpan
    public CompletableFuture<String> laterFailing(ExecutorService pool) {
      return delayedFailure(pool);
    }
  }

  /** {@code io.opentelemetry.extension.annotations}, as applications of API 1.0 wrote it. */
  public static final class LegacyAnnotations implements Inventory {
    @Override
    @io.opentelemetry.extension.annotations.WithSpan
    public String reserve(
        @io.opentelemetry.extension.annotations.SpanAttribute("item.sku") String sku,
        @io.opentelemetry.extension.annotations.SpanAttribute("item.count") int count,
        String note) {
      return reserved(sku, count);
    }

    @Override
    @io.opentelemetry.extension.annotations.WithSpan(value = "ship-order", kind = SpanKind.PRODUCER)
    public void ship() {}

    @Override
    @io.opentelemetry.extension.annotations.WithSpan
    public void fail() {
      throw new IllegalStateException("out of stock");
    }

    @Override
    @io.opentelemetry.extension.annotations.WithSpan
    public CompletableFuture<String> later(ExecutorService pool) {
      return delayed(pool);
    }

    @Override
    @io.opentelemetry.extension.annotations.WithSpan
    public CompletableFuture<String> laterFailing(ExecutorService pool) {
      return delayedFailure(pool);
    }
  }

  /** Traced by the agent ({@code otel.instrumentation.methods.include}): the span current inside is the agent's. */
  public static final class Orders {
    private final Tracer tracer;
    private final Connection connection;

    Orders(Tracer tracer, Connection connection) {
      this.tracer = tracer;
      this.connection = connection;
    }

    public void place(String customer) throws SQLException {
      Span.current().setAttribute("order.customer", customer);
      Span lookup = tracer.spanBuilder("price-lookup").setAttribute("lookup.items", 2L).startSpan();
      try (Scope ignored = lookup.makeCurrent()) {
        query(connection, "SELECT 2 AS in_lookup");
      } finally {
        lookup.end();
      }
    }
  }

  /** {@code Tracer.isEnabled()} where the API has it (newer versions), else {@code absent}. */
  private static String enabled(Tracer tracer) throws ReflectiveOperationException {
    try {
      return String.valueOf(Tracer.class.getMethod("isEnabled").invoke(tracer));
    } catch (NoSuchMethodException e) {
      return "absent";
    }
  }

  public static void main(String[] args) throws Exception {
    Inventory inventory = args[0].equals("legacy") ? new LegacyAnnotations() : new CurrentAnnotations();
    System.out.println("api-jar=" + OpenTelemetry.class.getProtectionDomain().getCodeSource().getLocation());
    Tracer tracer = GlobalOpenTelemetry.getTracer("shop", "1.0");
    System.out.println("tracer-enabled=" + enabled(tracer));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection connection = DriverManager.getConnection(URL)) {
      Span checkout = tracer.spanBuilder("checkout").startSpan();
      try (Scope ignored = checkout.makeCurrent()) {
        Span.current().setAttribute("order.id", 42L);
        System.out.println(
            "current-is-checkout="
                + Span.current().getSpanContext().getSpanId().equals(checkout.getSpanContext().getSpanId()));
        query(connection, "SELECT 1 AS over_checkout");
        new Orders(tracer, connection).place("c-7");
        try (Scope withBaggage = Baggage.current().toBuilder().put("user.id", "u-1").build().makeCurrent()) {
          System.out.println("baggage-seen=" + Baggage.current().getEntryValue("user.id"));
          query(connection, "SELECT 3 AS with_baggage");
          System.out.println("reserved=" + inventory.reserve("sku-9", 3, "fragile"));
        }
        inventory.ship();
        try {
          inventory.fail();
        } catch (IllegalStateException expected) {
          System.out.println("fail-threw=" + expected.getMessage());
        }
        System.out.println("later=" + inventory.later(pool).join());
        try {
          inventory.laterFailing(pool).join();
        } catch (RuntimeException expected) {
          System.out.println("later-failed=" + expected.getCause().getMessage());
        }
        Map<String, String> headers = new HashMap<>();
        GlobalOpenTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
        System.out.println("traceparent=" + headers.get("traceparent"));
      } finally {
        checkout.end();
      }
      try (Scope ignored = Context.root().makeCurrent()) {
        tracer.spanBuilder("detached").startSpan().end();
      }
      System.out.println("after-checkout-current-valid=" + Span.current().getSpanContext().isValid());
    } finally {
      pool.shutdown();
    }
  }

  /** What both flavours' {@code reserve} does: writes on the current span. */
  static String reserved(String sku, int count) {
    Span.current().setAttribute("reserved.by", "inventory");
    return sku + "x" + count;
  }

  static CompletableFuture<String> delayed(ExecutorService pool) {
    return CompletableFuture.supplyAsync(() -> pause("later"), pool);
  }

  static CompletableFuture<String> delayedFailure(ExecutorService pool) {
    return CompletableFuture.supplyAsync(
        () -> {
          pause("");
          throw new IllegalArgumentException("declined later");
        },
        pool);
  }

  static void query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery(sql).close();
    }
  }

  private static String pause(String result) {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return result;
  }
}
