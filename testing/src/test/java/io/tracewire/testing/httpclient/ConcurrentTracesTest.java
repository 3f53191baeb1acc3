package io.tracewire.testing.httpclient;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.ConcurrentTracesScenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Clients, servers, JDBC and thread pools together, under load: every request is one trace of
 * eight spans, each where it belongs; no context leaks between pooled threads or into callbacks.
 */
class ConcurrentTracesTest {

  private static final int REQUESTS = ConcurrentTracesScenario.CALLERS * ConcurrentTracesScenario.REQUESTS_PER_CALLER;
  private static final int SPANS_PER_REQUEST = 8;

  @JdkMatrix
  void everyRequestIsOneCorrectlyParentedTrace(Jdk jdk) {
    RunResult result = AgentRun.of(ConcurrentTracesScenario.class)
        .on(jdk)
        .property("otel.instrumentation.methods.include", ConcurrentTracesScenario.class.getName() + "[afterAsync]")
        .expectSpans(REQUESTS * SPANS_PER_REQUEST + 2)
        .run()
        .assertSuccess();
    assertTrue(result.stdout().contains("answered " + REQUESTS), result.describe());
    Spans spans = result.spans();
    // The two set-up statements are traces of their own; every other trace is one request.
    Map<String, List<ReceivedSpan>> traces = spans.all().stream()
        .filter(span -> !span.name().startsWith("CREATE") && !span.name().startsWith("INSERT"))
        .collect(Collectors.groupingBy(ReceivedSpan::traceId));
    assertEquals(REQUESTS, traces.size(), spans.dump());
    for (List<ReceivedSpan> trace : traces.values()) {
      assertRequestTrace(new Spans(trace));
    }
  }

  private static void assertRequestTrace(Spans trace) {
    String dump = trace.dump();
    assertEquals(SPANS_PER_REQUEST, trace.size(), dump);
    ReceivedSpan caller = single(trace, span -> span.isRoot(), "the caller's span", dump);
    assertThat(caller).hasKind("CLIENT").hasScopeName("io.tracewire.http-url-connection");
    String n = String.valueOf(caller.attribute("url.full")).replaceAll(".*[?&]n=(\\d+).*", "$1");

    ReceivedSpan front = single(trace, span -> span.kind().equals("SERVER")
        && ("n=" + n).equals(span.attribute("url.query")), "the front SERVER span", dump);
    assertThat(front).hasParent(caller);
    assertThat(single(trace, span -> span.name().equals("SELECT items"), "the query", dump)).hasParent(front);
    assertThat(single(trace, span -> span.name().equals("ConcurrentTracesScenario.afterAsync"), "the callback", dump))
        .hasParent(front);
    for (String mode : List.of("sync", "async")) {
      String query = "n=" + n + "&mode=" + mode;
      ReceivedSpan call = single(trace, span -> span.kind().equals("CLIENT")
          && String.valueOf(span.attribute("url.full")).endsWith("/back?" + query), "the " + mode + " call", dump);
      assertThat(call).hasParent(front).hasScopeName("io.tracewire.java-http-client");
      assertThat(single(trace, span -> span.kind().equals("SERVER") && query.equals(span.attribute("url.query")),
          "the back SERVER span of the " + mode + " call", dump)).hasParent(call);
    }
  }

  private static ReceivedSpan single(Spans trace, java.util.function.Predicate<ReceivedSpan> which, String what,
      String dump) {
    List<ReceivedSpan> found = trace.filter(which);
    assertEquals(1, found.size(), what + " in\n" + dump);
    return found.get(0);
  }
}
