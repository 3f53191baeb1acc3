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
import io.tracewire.testing.scenarios.servlet.ServletContainerScenario;
import java.util.List;

/**
 * Jakarta Servlet containers: the same shop (a filter, forwards, includes, errors, asynchronous
 * servlets, JDBC in the servlets) on Tomcat 10.1, Tomcat 11 and Jetty 12, one run each.
 */
class ServletContainersTest {

  private static final int SERVER_SPANS = 8;
  private static final long ASYNC_DELAY_NANOS = 300_000_000L;

  @JdkMatrix
  void tomcat10(Jdk jdk) {
    checkShop(run(jdk, "tomcat", "tomcat10"));
  }

  @JdkMatrix
  void tomcat11(Jdk jdk) {
    checkShop(run(jdk, "tomcat", "tomcat11"));
  }

  @JdkMatrix
  void jetty12(Jdk jdk) {
    checkShop(run(jdk, "jetty", "jetty12"));
  }

  private static RunResult run(Jdk jdk, String container, String classpath) {
    RunResult result =
        AgentRun.of(ServletContainerScenario.class)
            .on(jdk)
            .classpath(Containers.classpath(classpath))
            .args(container)
            .property("otel.instrumentation.http.server.capture-request-headers", "cookie")
            .property("otel.instrumentation.http.server.capture-response-headers", "x-filtered")
            // 8 server spans, 4 queries under them, 2 statements before the server starts
            .expectSpans(SERVER_SPANS + 6)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("orders 200") && result.stdout().contains("async-dispatch 200"), result.describe());
    return result;
  }

  private static void checkShop(RunResult result) {
    Spans spans = result.spans();
    int port = ServerSpans.port(result);
    assertEquals(SERVER_SPANS, spans.ofKind("SERVER").size(), spans.dump());

    ReceivedSpan orders = ServerSpans.forPath(spans, "/shop/orders/7");
    assertThat(orders)
        .hasName("GET /shop/orders/*")
        .hasAttribute("http.route", "/shop/orders/*")
        .hasAttribute("http.request.method", "GET")
        .hasAttribute("url.scheme", "http")
        .hasAttribute("url.query", "token=abc&X-Amz-Signature=REDACTED")
        .hasAttribute("http.response.status_code", 200)
        .hasAttribute("client.address", "127.0.0.1")
        .hasAttribute("user_agent.original", "scenario-agent/1.0")
        .hasAttribute("server.address", "127.0.0.1")
        .hasAttribute("server.port", port)
        .hasAttribute("network.protocol.version", "1.1")
        .hasAttribute("http.request.header.cookie", List.of("[REDACTED]"))
        .hasAttribute("http.response.header.x-filtered", List.of("yes"))
        .hasStatus("UNSET");
    assertEquals(ServletContainerScenario.TRACE_ID, orders.traceId(), spans.dump());
    assertEquals(ServletContainerScenario.PARENT_ID, orders.parentSpanId(), spans.dump());
    ServerSpans.onlyChild(spans, orders, "SELECT orders");

    // A forward and an include run inside the span of the request that made them.
    ReceivedSpan forward = ServerSpans.forPath(spans, "/shop/forward");
    assertThat(forward).isRoot().hasName("GET /shop/forward").hasAttribute("http.response.status_code", 200);
    ServerSpans.onlyChild(spans, forward, "SELECT orders");
    ServerSpans.onlyChild(spans, ServerSpans.forPath(spans, "/shop/include"), "SELECT orders");

    assertThat(ServerSpans.forPath(spans, "/shop/fail"))
        .hasStatus("ERROR")
        .hasAttribute("http.response.status_code", 500)
        .hasAttribute("error.type", "jakarta.servlet.ServletException")
        .hasEvent("exception");
    assertThat(ServerSpans.forPath(spans, "/shop/status/404"))
        .hasName("GET /shop/status/*")
        .hasStatus("UNSET")
        .hasAttribute("http.response.status_code", 404)
        .hasNoAttribute("error.type");
    assertThat(ServerSpans.forPath(spans, "/shop/status/503"))
        .hasStatus("ERROR")
        .hasAttribute("http.response.status_code", 503)
        .hasAttribute("error.type", "503");

    // An asynchronous request's span lasts until the response completed on the other thread.
    ReceivedSpan async = ServerSpans.forPath(spans, "/shop/async");
    assertThat(async).hasAttribute("http.response.status_code", 200).hasStatus("UNSET");
    long duration = async.endEpochNanos() - async.startEpochNanos();
    assertTrue(duration >= ASYNC_DELAY_NANOS, "async span lasted only " + duration + " ns\n" + spans.dump());
    // An asynchronous dispatch runs in the span of the request, and makes no span of its own.
    ReceivedSpan dispatched = ServerSpans.forPath(spans, "/shop/async-dispatch");
    assertThat(dispatched).hasAttribute("http.response.status_code", 200);
    ServerSpans.onlyChild(spans, dispatched, "SELECT orders");
  }
}
