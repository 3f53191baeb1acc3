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
import java.util.List;

/** The demo shop, run under the agent as the README runs it, yields the traces it promises. */
class DemoTest {

  @JdkMatrix
  void requestsAreTracesOfMethodAndDatabaseSpans(Jdk jdk) {
    RunResult result =
        AgentRun.of(ShopDemo.class)
            .on(jdk)
            .property(
                "otel.instrumentation.methods.include",
                "io.tracewire.demo.Catalogue[createSchema,seed];io.tracewire.demo.Storefront[handle,history];"
                    + "io.tracewire.demo.OrderService[placeOrder]")
            .property("otel.service.name", "demo-shop")
            .expectSpans(24)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("shop closed"), result.stdout());
    List<ReceivedSpan> requests = result.spans().named("Storefront.handle");
    assertEquals(3, requests.size(), result.spans().dump());
    for (ReceivedSpan request : requests) {
      assertThat(request).isRoot().hasKind("INTERNAL").hasResourceAttribute("service.name", "demo-shop");
      ReceivedSpan order = result.spans().childrenOf(request).get(0);
      assertThat(order).hasName("OrderService.placeOrder");
      for (ReceivedSpan statement : result.spans().childrenOf(order)) {
        assertThat(statement)
            .hasKind("CLIENT")
            .hasAttribute("db.system.name", "h2database")
            .hasAttribute("db.namespace", "shop");
      }
    }
    // The refused order (unknown product) is an error on placeOrder, below a successful request.
    assertEquals(1, result.spans().named("OrderService.placeOrder").stream().filter(s -> s.statusCode().equals("ERROR")).count());
    assertThat(result.spans().single("BATCH INSERT products")).hasAttribute("db.operation.batch.size", 3L);
  }
}
