package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.LargeSpansScenario;

/** Spans stay bounded: by default, and by the OpenTelemetry span limit settings. */
class SpanLimitsTest {

  private static final String WORKER = "LargeSpansScenario$Worker.run";

  private static AgentRun run(Jdk jdk) {
    return AgentRun.of(LargeSpansScenario.class)
        .on(jdk)
        .property("otel.instrumentation.methods.include", LargeSpansScenario.Worker.class.getName() + "[run]")
        .expectSpans(2);
  }

  @JdkMatrix
  void stackTracesAndQueryTextsAreBoundedByDefault(Jdk jdk) {
    RunResult result = run(jdk).run().assertSuccess();
    String stackTrace = stackTrace(result.spans().single(WORKER));
    assertEquals(8192, stackTrace.length(), "exception.stacktrace of a 1,500-frame failure");
    assertTrue(stackTrace.startsWith("java.lang.IllegalStateException: failed deep down\n"), stackTrace);
    String query = (String) query(result).attribute("db.query.text");
    assertEquals(8192, query.length());
    assertTrue(query.startsWith("SELECT ? AS c0, ? AS c1, ? AS c2"), query);
  }

  @JdkMatrix
  void theOpenTelemetryLimitSettingsAreHonoured(Jdk jdk) {
    RunResult result =
        run(jdk)
            .property("otel.attribute.value.length.limit", "40")
            .property("otel.span.attribute.count.limit", "3")
            .run()
            .assertSuccess();
    assertEquals(40, stackTrace(result.spans().single(WORKER)).length());
    ReceivedSpan query = query(result);
    assertEquals(3, query.attributes().size(), query.toString());
    query.attributes().values().forEach(value -> assertTrue(String.valueOf(value).length() <= 40, query.toString()));
  }

  private static String stackTrace(ReceivedSpan span) {
    return (String) span.events().get(0).attributes().get("exception.stacktrace");
  }

  private static ReceivedSpan query(RunResult result) {
    return result.spans().ofKind("CLIENT").get(0);
  }
}
