package io.tracewire.testing.httpclient;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Services;
import io.tracewire.testing.harness.SpanAssert;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.http.TestHttpServer;
import io.tracewire.testing.scenarios.HttpClientScenario;
import io.tracewire.testing.scenarios.HttpClientScenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a client's {@link HttpClientScenario} under the agent against a {@link TestHttpServer} and
 * checks what every HTTP client must produce: one CLIENT span per request under the traced
 * method, the stable attributes, errors, redaction, header capture, the trace context the server
 * actually received, and async callbacks in the caller's context.
 */
final class HttpClientSpans {

  static final String WORK = "HttpClientScenario.runRequests";
  static final String CALLBACK = "HttpClientScenario.inCallback";

  /** What differs between clients. */
  record Client(
      Class<? extends HttpClientScenario> scenario,
      String scope,
      String refusedError,
      String timeoutError,
      boolean async,
      boolean readsAuthorizationHeader,
      boolean acceptsUserInfo) {}

  private final Client client;
  private final TestHttpServer server;
  private final int refusedPort;

  private HttpClientSpans(Client client, TestHttpServer server, int refusedPort) {
    this.client = client;
    this.server = server;
    this.refusedPort = refusedPort;
  }

  /** The suite against {@code server}, with a port where nothing listens for the refused requests. */
  static HttpClientSpans against(Client client, TestHttpServer server) {
    return new HttpClientSpans(client, server, Services.closedPort());
  }

  /** Runs the standard sequence against a fresh plain HTTP server and asserts it. */
  static RunResult runStandardSequence(Client client, Jdk jdk, UnaryOperator<AgentRun> adjust, String... moreArgs) {
    try (TestHttpServer server = TestHttpServer.start()) {
      return runStandardSequence(client, server, jdk, adjust, moreArgs);
    }
  }

  /**
   * Runs the standard sequence against {@code server} (with {@code adjust} applied to the run and
   * {@code moreArgs} passed to the scenario) and asserts it.
   */
  static RunResult runStandardSequence(Client client, TestHttpServer server, Jdk jdk,
      UnaryOperator<AgentRun> adjust, String... moreArgs) {
    HttpClientSpans suite = against(client, server);
    RunResult result = adjust.apply(suite.scenario(jdk, moreArgs)).run();
    suite.awaitServer();
    suite.assertStandardSequence(result);
    return result;
  }

  /**
   * The child run of the scenario, with the standard settings and {@code moreArgs} after the
   * server's URL and the refused port; add more before {@code run()}.
   */
  AgentRun scenario(Jdk jdk, String... moreArgs) {
    List<String> args = new ArrayList<>(List.of(server.baseUrl(), String.valueOf(refusedPort)));
    args.addAll(List.of(moreArgs));
    return AgentRun.of(client.scenario())
        .on(jdk)
        .property("otel.instrumentation.methods.include",
            HttpClientScenario.class.getName() + "[runRequests,inCallback]")
        .property("otel.instrumentation.http.client.capture-request-headers", "X-Request-Tag,X-Api-Key,Authorization")
        .property("otel.instrumentation.http.client.capture-response-headers", "Content-Type")
        .args(args.toArray(new String[0]))
        .expectSpans(expectedSpans());
  }

  List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    for (Step step : Step.values()) {
      if (!step.isAsync() || client.async()) {
        steps.add(step);
      }
    }
    return steps;
  }

  /** The steps whose request the server receives. */
  private List<Step> reachingServer() {
    List<Step> steps = new ArrayList<>(steps());
    steps.removeAll(List.of(Step.REFUSED, Step.ASYNC_REFUSED));
    if (!client.acceptsUserInfo()) {
      steps.remove(Step.REDACTED);
    }
    return steps;
  }

  int expectedSpans() {
    // The traced method, one client span per step, and one callback span per async step.
    return 1 + steps().size() + (client.async() ? 2 : 0);
  }

  /** Asserts the whole standard sequence; returns the GET /ok span for further checks. */
  ReceivedSpan assertStandardSequence(RunResult result) {
    result.assertSuccess();
    assertTrue(result.stdout().contains("done"), result.describe());
    Spans spans = result.spans();
    String dump = spans.dump();
    ReceivedSpan work = spans.single(WORK);
    List<ReceivedSpan> clientSpans = spans.ofKind("CLIENT");
    assertEquals(steps().size(), clientSpans.size(), "one client span per request, never two\n" + dump);

    for (Step step : steps()) {
      ReceivedSpan span = forStep(spans, step);
      SpanAssert check = assertThat(span)
          .hasKind("CLIENT")
          .hasParent(work)
          .hasScopeName(client.scope())
          .hasAttribute("server.address", "127.0.0.1");
      assertNoSecrets(span);
      if (step == Step.REFUSED || step == Step.ASYNC_REFUSED) {
        check.hasName("GET").hasAttribute("http.request.method", "GET")
            .hasAttribute("server.port", refusedPort)
            .hasAttribute("url.full", "http://127.0.0.1:" + refusedPort + "/ok?step=" + step.id)
            .hasAttribute("error.type", client.refusedError())
            .hasStatus("ERROR")
            .hasNoAttribute("http.response.status_code");
        continue;
      }
      check.hasAttribute("server.port", server.port());
      switch (step) {
        case GET_OK -> check.hasName("GET")
            .hasAttribute("url.full", server.url("/ok?step=get-ok"))
            .hasAttribute("http.response.status_code", 200)
            .hasAttribute("network.protocol.version", "1.1")
            .hasStatus("UNSET")
            .hasNoAttribute("error.type")
            .hasAttribute("http.request.header.x-request-tag", List.of("tag-1"))
            .hasAttribute("http.request.header.x-api-key", List.of("[REDACTED]"))
            .hasAttribute("http.response.header.content-type", List.of("text/plain; charset=utf-8"));
        case POST -> check.hasName("POST").hasAttribute("http.request.method", "POST")
            .hasAttribute("http.response.status_code", 200)
            .hasAttribute("network.protocol.version", "1.1");
        case NOT_FOUND -> check.hasAttribute("http.response.status_code", 404)
            .hasAttribute("error.type", "404").hasStatus("ERROR");
        case SERVER_ERROR -> check.hasAttribute("http.response.status_code", 500)
            .hasAttribute("error.type", "500").hasStatus("ERROR");
        case TIMEOUT -> check.hasAttribute("error.type", client.timeoutError()).hasStatus("ERROR")
            .hasNoAttribute("http.response.status_code");
        case REDACTED -> {
          if (client.acceptsUserInfo()) {
            check.hasAttribute("url.full", server.baseUrl().replace("://", "://REDACTED:REDACTED@")
                + "/ok?X-Amz-Signature=REDACTED&step=redacted").hasAttribute("http.response.status_code", 200);
          } else {
            // The library refuses a URI with credentials, and forgets them: nothing to redact but the query.
            check.hasAttribute("url.full", server.url("/ok?X-Amz-Signature=REDACTED&step=redacted"))
                .hasStatus("ERROR");
          }
        }
        case ASYNC_OK -> check.hasAttribute("http.response.status_code", 200);
        default -> throw new AssertionError(step);
      }
    }

    ReceivedSpan getOk = forStep(spans, Step.GET_OK);
    if (client.readsAuthorizationHeader()) {
      assertThat(getOk).hasAttribute("http.request.header.authorization", List.of("[REDACTED]"));
    } else if (getOk.attributes().containsKey("http.request.header.authorization")) {
      assertThat(getOk).hasAttribute("http.request.header.authorization", List.of("[REDACTED]"));
    }

    assertPropagated(spans);
    if (client.async()) {
      List<ReceivedSpan> callbacks = spans.named(CALLBACK);
      assertEquals(2, callbacks.size(), dump);
      for (ReceivedSpan callback : callbacks) {
        // The caller's context, not the client span's, and not lost on the client's threads.
        assertThat(callback).hasParent(work);
      }
    }
    // The agent's own export is never traced.
    assertTrue(spans.filter(s -> String.valueOf(s.attribute("url.full")).contains("/v1/traces")).isEmpty(), dump);
    return getOk;
  }

  /** The server received, for every request that reached it, a traceparent naming its client span. */
  private void assertPropagated(Spans spans) {
    for (Step step : reachingServer()) {
      ReceivedSpan span = forStep(spans, step);
      TestHttpServer.Request received = server.requests().stream()
          .filter(request -> request.query() != null && request.query().contains("step=" + step.id))
          .reduce((first, second) -> {
            throw new AssertionError("the server received " + step.id + " twice: " + server.requests());
          })
          .orElseThrow(() -> new AssertionError("the server never received " + step.id + ": " + server.requests()));
      // Flags: sampled, with or without the W3C "random trace id" bit.
      String traceparent = received.header("traceparent");
      String expected = "00-" + span.traceId() + "-" + span.spanId() + "-0";
      assertTrue(traceparent != null && traceparent.startsWith(expected)
          && (traceparent.endsWith("1") || traceparent.endsWith("3")), step.id + ": expected " + expected
          + "1 (or 3), received " + received);
    }
  }

  static ReceivedSpan forStep(Spans spans, Step step) {
    return spans.only(
        span -> span.kind().equals("CLIENT") && String.valueOf(span.attribute("url.full")).endsWith("step=" + step.id),
        "client spans of step " + step.id);
  }

  static void assertNoSecrets(ReceivedSpan span) {
    String text = span.toString() + span.events();
    for (String secret : List.of(HttpClientScenario.AUTHORIZATION, HttpClientScenario.API_KEY,
        HttpClientScenario.SIGNATURE, HttpClientScenario.PASSWORD)) {
      assertFalse(text.contains(secret), secret + " leaked: " + span);
    }
  }

  /**
   * Waits a little for requests still on their way to the server (the timed-out one); what is
   * missing then is reported by {@link #assertStandardSequence}.
   */
  void awaitServer() {
    try {
      server.awaitRequests(reachingServer().size(), Duration.ofSeconds(5));
    } catch (AssertionError reportedLater) {
      // the per-step checks say which request never arrived
    }
  }
}
