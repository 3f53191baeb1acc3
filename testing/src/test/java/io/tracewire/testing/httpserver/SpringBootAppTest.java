package io.tracewire.testing.httpserver;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Spring Boot 3 fat jar ({@code testing-springboot-app}: embedded Tomcat, a {@code
 * RestController} with a path variable, JDBC on H2, a call to itself through {@code RestClient}),
 * started with {@code java -javaagent:... -jar}.
 */
class SpringBootAppTest {

  private static final String TRACE_ID = "6af7651916cd43dd8448eb211c80319c";
  private static final String PARENT_ID = "c7ad6b7169203331";

  @JdkMatrix
  void controllersAreServerSpansNamedAfterTheirRoute(Jdk jdk) {
    Path jar = Path.of(System.getProperty("tracewire.springboot.app.jar", "missing"));
    assertTrue(Files.isRegularFile(jar), "no Spring Boot test application at " + jar + ": build it with mvn -B verify");
    RunResult result =
        AgentRun.ofJar(jar)
            .on(jdk)
            // 2 statements at start-up, 4 server spans, 2 queries
            .expectSpans(8)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("order HTTP/1.1 200"), result.describe());
    assertTrue(result.stdout().contains("summary HTTP/1.1 200"), result.describe());
    Spans spans = result.spans();

    ReceivedSpan order = ServerSpans.forPath(spans, "/orders/7");
    assertThat(order)
        .hasName("GET /orders/{id}")
        .hasAttribute("http.route", "/orders/{id}")
        .hasAttribute("http.response.status_code", 200)
        .hasScopeName("io.tracewire.servlet");
    assertEquals(TRACE_ID, order.traceId(), spans.dump());
    assertEquals(PARENT_ID, order.parentSpanId(), spans.dump());
    ServerSpans.onlyChild(spans, order, "SELECT orders");

    ReceivedSpan summary = ServerSpans.forPath(spans, "/orders/8/summary");
    assertThat(summary).hasName("GET /orders/{id}/summary").hasAttribute("http.route", "/orders/{id}/summary");
    ReceivedSpan nested = ServerSpans.forPath(spans, "/orders/8");
    assertThat(nested).hasName("GET /orders/{id}");
    ServerSpans.onlyChild(spans, nested, "SELECT orders");
    // RestClient's call is one CLIENT span under the summary, and the nested request's SERVER
    // span is its child.
    List<ReceivedSpan> clients = spans.childrenOf(summary).stream().filter(span -> span.kind().equals("CLIENT")).toList();
    assertEquals(1, clients.size(), spans.dump());
    assertThat(clients.get(0)).hasName("GET").hasAttribute("http.response.status_code", 200);
    assertThat(nested).hasParent(clients.get(0));

    assertThat(ServerSpans.forPath(spans, "/nothing-here"))
        .hasAttribute("http.response.status_code", 404)
        .hasStatus("UNSET");
  }
}
