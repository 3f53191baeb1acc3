package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.InstantExitScenario;
import java.util.List;

/** Every malformed setting is named before {@code main} runs, even those only the SDK reads. */
class EarlyWarningsTest {

  @JdkMatrix
  void everyMalformedSettingIsNamedBeforeMain(Jdk jdk) {
    RunResult result =
        AgentRun.of(InstantExitScenario.class)
            .on(jdk)
            .property("otel.bsp.max.queue.size", "lots")
            .property("otel.bsp.schedule.delay", "later")
            .property("otel.bsp.export.timeout", "-5")
            .property("otel.bsp.max.export.batch.size", "0")
            .property("otel.traces.sampler", "sometimes")
            .property("otel.exporter.otlp.timeout", "soon")
            .property("otel.exporter.otlp.compression", "zip")
            .property("otel.propagators", "tracecontext,smoke-signals")
            .property("tracewire.shutdown.timeout", "never")
            .run()
            .assertSuccess();
    List<String> lines = result.stderr().lines().collect(java.util.stream.Collectors.toList());
    int mainStarted = lines.indexOf("main started");
    assertTrue(mainStarted > 0, result.stderr());
    for (String property :
        List.of(
            "otel.bsp.max.queue.size",
            "otel.bsp.schedule.delay",
            "otel.bsp.export.timeout",
            "otel.bsp.max.export.batch.size",
            "otel.traces.sampler",
            "otel.exporter.otlp.timeout",
            "otel.exporter.otlp.compression",
            "otel.propagators",
            "tracewire.shutdown.timeout")) {
      long before =
          lines.subList(0, mainStarted).stream()
              .filter(line -> line.startsWith("tracewire: WARNING ") && line.contains(" " + property + " "))
              .count();
      assertEquals(1, before, property + " not named once before main:\n" + result.stderr());
    }
  }
}
