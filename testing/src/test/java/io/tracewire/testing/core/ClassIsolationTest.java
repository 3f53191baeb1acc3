package io.tracewire.testing.core;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.OwnOpenTelemetryScenario;

/**
 * An application bundling OpenTelemetry 1.40 and ByteBuddy 1.14 keeps using its own copies while
 * the agent (with its relocated 1.68 SDK and ByteBuddy 1.18) traces it.
 */
class ClassIsolationTest {

  @JdkMatrix
  void applicationKeepsItsOwnOpenTelemetryAndByteBuddy(Jdk jdk) {
    RunResult result =
        AgentRun.of(OwnOpenTelemetryScenario.class)
            .on(jdk)
            // The application's ByteBuddy 1.14 predates Java 25; this is its own switch, not the agent's.
            .jvmArg("-Dnet.bytebuddy.experimental=true")
            .property(
                "otel.instrumentation.methods.include",
                OwnOpenTelemetryScenario.Work.class.getName() + "[run]")
            .expectSpans(1)
            .run()
            .assertSuccess();
    String out = result.stdout();
    assertTrue(out.contains("own-sdk-exported=1:app-span"), out);
    assertTrue(out.contains("own-sdk-version=1.40.0"), out);
    assertTrue(out.contains("global-is-own=true"), out);
    assertTrue(out.contains("own-bytebuddy=made by the app's own ByteBuddy from ") && out.contains("byte-buddy-1.14.18.jar"), out);
    assertTrue(out.contains("worked"), out);
    assertFalse(result.stderr().contains("LinkageError"), result.stderr());
    assertFalse(result.stderr().contains("NoSuchMethodError"), result.stderr());
    // The application's own span went only to its own exporter, never to the agent's.
    assertTrue(result.spans().named("app-span").isEmpty(), result.spans().dump());
    assertTrue(result.spans().named("app-global-span").isEmpty(), result.spans().dump());
    assertThat(result.spans().single("OwnOpenTelemetryScenario$Work.run")).hasKind("INTERNAL").isRoot();
  }
}
