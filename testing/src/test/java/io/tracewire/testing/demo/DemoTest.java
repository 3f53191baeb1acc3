package io.tracewire.testing.demo;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.demo.ShopDemo;
import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Service;
import io.tracewire.testing.harness.Services;
import io.tracewire.testing.harness.Spans;
import java.util.List;

/** The demo shop, run under the agent as the README runs it, yields the traces it promises. */
class DemoTest {

  @JdkMatrix
  void eachCheckoutIsOneTraceAcrossBothServices(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopDemo.class)
            .on(jdk)
            .property(
                "otel.instrumentation.methods.include",
                "io.tracewire.demo.Catalogue[createSchema,seed];io.tracewire.demo.OrderService[placeOrder]")
            .property("otel.service.name", "demo-shop")
            // 30 without RabbitMQ; with it, 2 order events of 3 spans each
            .expectSpans(Services.isReachable(Service.RABBITMQ) ? 36 : 30)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("shop closed"), result.stdout());
    Spans spans = result.spans();
    assertOrderEvents(result);
    List<ReceivedSpan> checkouts =
        spans.filter(span -> span.kind().equals("SERVER") && "/checkout".equals(span.attribute("url.path")));
    assertEquals(3, checkouts.size(), spans.dump());
    for (ReceivedSpan checkout : checkouts) {
      assertThat(checkout).hasResourceAttribute("service.name", "demo-shop");
      ReceivedSpan order = spans.childrenOf(checkout).get(0);
      assertThat(order).hasName("OrderService.placeOrder");
      // Each item is reserved at the inventory service, whose SQL runs under its SERVER span, in
      // the checkout's trace.
      List<ReceivedSpan> reservations =
          spans.filter(
              span -> span.kind().equals("SERVER")
                  && "/reserve".equals(span.attribute("url.path"))
                  && span.traceId().equals(checkout.traceId()));
      assertTrue(!reservations.isEmpty(), spans.dump());
      for (ReceivedSpan reservation : reservations) {
        ReceivedSpan client = spans.parentOf(reservation).orElseThrow();
        assertThat(client).hasKind("CLIENT").hasParent(order);
        assertThat(spans.childrenOf(reservation).get(0)).hasName("SELECT products");
      }
    }
    // The refused order (unknown product): a 404 at the inventory, a 422 at the storefront.
    assertEquals(1, spans.named("OrderService.placeOrder").stream().filter(s -> s.statusCode().equals("ERROR")).count());
    assertThat(spans.single("BATCH INSERT products")).hasAttribute("db.operation.batch.size", 3L);
  }

  /** With RabbitMQ, each placed order's event is shipped in the checkout's trace; else one line says so. */
  private static void assertOrderEvents(RunResult result) {
    if (!Services.isReachable(Service.RABBITMQ)) {
      assertTrue(result.stdout().contains("messaging skipped"), result.stdout());
      return;
    }
    Spans spans = result.spans();
    List<ReceivedSpan> published = spans.named("publish demo.order-events");
    assertEquals(2, published.size(), spans.dump());
    for (ReceivedSpan publish : published) {
      assertThat(publish).hasKind("PRODUCER");
      assertThat(spans.parentOf(publish).orElseThrow()).hasName("OrderService.placeOrder");
      ReceivedSpan shipping = spans.childrenOf(publish).get(0);
      assertThat(shipping).hasName("process demo.order-events").hasKind("CONSUMER");
      assertThat(spans.childrenOf(shipping).get(0)).hasName("SELECT orders");
    }
  }
}
