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
            .expectSpans(30)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("shop closed"), result.stdout());
    Spans spans = result.spans();
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
}
