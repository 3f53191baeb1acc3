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
import io.tracewire.testing.scenarios.JdkHttpServerScenario;
import java.util.List;

/** The JDK's {@code com.sun.net.httpserver.HttpServer}: one run, every case checked from it. */
class JdkHttpServerTest {

  @JdkMatrix
  void everyRequestIsOneServerSpanThatContinuesTheIncomingTrace(Jdk jdk) {
    RunResult result =
        AgentRun.of(JdkHttpServerScenario.class)
            .on(jdk)
            .property("otel.instrumentation.http.server.capture-request-headers", "X-Custom,Authorization")
            .property("otel.instrumentation.http.server.capture-response-headers", "X-Served-By")
            .property("otel.instrumentation.baggage.attributes", "user.id")
            // 6 server spans, 2 queries in handlers, 2 statements before the server starts
            .expectSpans(10)
            .run()
            .assertSuccess();
    assertTrue(
        result.stdout().contains("orders 200") && result.stdout().contains("boom -1"), result.describe());
    Spans spans = result.spans();
    int port = ServerSpans.port(result);

    ReceivedSpan orders = ServerSpans.forPath(spans, "/orders/7");
    assertThat(orders)
        .hasKind("SERVER")
        .hasName("GET")
        .hasStatus("UNSET")
        .hasAttribute("http.request.method", "GET")
        .hasAttribute("url.scheme", "http")
        .hasAttribute("url.query", "token=abc&sig=REDACTED")
        .hasAttribute("http.response.status_code", 200)
        .hasAttribute("client.address", "203.0.113.9")
        .hasAttribute("user_agent.original", "scenario-agent/1.0")
        .hasAttribute("server.address", "127.0.0.1")
        .hasAttribute("server.port", port)
        .hasAttribute("network.protocol.version", "1.1")
        .hasAttribute("http.request.header.x-custom", List.of("hello"))
        .hasAttribute("http.request.header.authorization", List.of("[REDACTED]"))
        .hasNoAttribute("http.route")
        .hasNoAttribute("error.type");
    // The incoming traceparent is continued, and its baggage reaches the spans under it.
    assertEquals(JdkHttpServerScenario.TRACE_ID, orders.traceId(), spans.dump());
    assertEquals(JdkHttpServerScenario.PARENT_ID, orders.parentSpanId(), spans.dump());
    ReceivedSpan query = ServerSpans.onlyChild(spans, orders, "SELECT orders");
    assertThat(query).hasKind("CLIENT").hasAttribute("user.id", "u-42");
    assertThat(orders).hasAttribute("user.id", "u-42");

    ReceivedSpan post = ServerSpans.forPath(spans, "/orders/8");
    assertThat(post).isRoot().hasName("POST").hasAttribute("http.response.status_code", 200);
    assertThat(post).hasNoAttribute("url.query").hasNoAttribute("http.request.header.x-custom");
    ServerSpans.onlyChild(spans, post, "SELECT orders");

    assertThat(ServerSpans.forPath(spans, "/status/500"))
        .hasStatus("ERROR")
        .hasAttribute("http.response.status_code", 500)
        .hasAttribute("error.type", "500");
    assertThat(ServerSpans.forPath(spans, "/status/404"))
        .hasStatus("UNSET")
        .hasAttribute("http.response.status_code", 404)
        .hasNoAttribute("error.type");
    assertThat(ServerSpans.forPath(spans, "/boom"))
        .hasStatus("ERROR")
        .hasAttribute("error.type", "java.lang.IllegalStateException")
        .hasEvent("exception")
        .hasNoAttribute("http.response.status_code");
    // The user filter and the handler behind it make one span, which sees the filter's header.
    assertThat(ServerSpans.forPath(spans, "/filtered/x"))
        .hasAttribute("http.response.status_code", 200)
        .hasAttribute("http.response.header.x-served-by", List.of("filter"));
    assertEquals(6, spans.ofKind("SERVER").size(), spans.dump());
  }
}
