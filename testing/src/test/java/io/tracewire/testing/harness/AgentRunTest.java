package io.tracewire.testing.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AgentRunTest {

  @JdkMatrix
  void runsTheMainClassOnEachJdk(Jdk jdk) {
    RunResult result = AgentRun.of(TinyMain.class).on(jdk).withoutAgent()
        .property("tracewire.test.prop", "p1")
        .env("TRACEWIRE_TEST_ENV", "e1")
        .args("x")
        .run()
        .assertSuccess();

    assertEquals(0, result.exitCode());
    assertTrue(result.stdout().startsWith("hello x\n"), result::describe);
    assertTrue(result.stdout().contains("feature=" + jdk.featureVersion() + "\n"), result::describe);
    assertTrue(result.stdout().contains("prop=p1\n"), result::describe);
    assertTrue(result.stdout().contains("env=e1\n"), result::describe);
    assertTrue(result.stdout().contains("service=TinyMain\n"), result::describe);
    assertTrue(result.stdout().contains("endpoint=" + result.receiver().endpoint() + "\n"), result::describe);
    assertTrue(result.stdout().contains("protocol=http/protobuf\n"), result::describe);
    assertEquals("to stderr\n", result.stderr());
    assertTrue(result.spans().isEmpty());
    assertEquals(jdk.javaExecutable().toString(), result.command().get(0));
  }

  @JdkMatrix
  void collectsSpansTheChildExports(Jdk jdk) {
    RunResult result = AgentRun.of(OtlpSenderMain.class).on(jdk).withoutAgent().expectSpans(2).run().assertSuccess();

    ReceivedSpan child = result.spans().single("SELECT orders");
    SpanAssert.assertThat(child).hasParent(result.spans().single("GET /orders"));
    assertEquals(1, result.receiver().requests().size());
  }

  @Test
  void laterPropertiesOverrideTheDefaults() {
    RunResult result = AgentRun.of(TinyMain.class).withoutAgent()
        .property("otel.service.name", "custom")
        .run()
        .assertSuccess();
    assertTrue(result.stdout().contains("service=custom\n"), result::describe);
    assertEquals(1, result.command().stream().filter(arg -> arg.startsWith("-Dotel.service.name=")).count());
  }

  @Test
  void childSeesTheApplicationsOwnLibraryVersions() {
    RunResult result = AgentRun.of(TinyMain.class).withoutAgent().args("classpath").run().assertSuccess();
    assertTrue(result.stdout().contains("opentelemetry-sdk-1.40.0.jar"), result::describe);
    assertTrue(result.stdout().contains("opentelemetry-api-1.40.0.jar"), result::describe);
    assertTrue(result.stdout().contains("byte-buddy-1.14.18.jar"), result::describe);
  }

  @Test
  void assertSuccessShowsTheChildsOutput() {
    RunResult result = AgentRun.of(TinyMain.class).withoutAgent().args("fail", "3").run();
    assertEquals(3, result.exitCode());
    AssertionFailedError error = assertThrows(AssertionFailedError.class, result::assertSuccess);
    assertTrue(error.getMessage().contains("exited with 3"), error.getMessage());
    assertTrue(error.getMessage().contains("about to fail"), error.getMessage());
    assertTrue(error.getMessage().contains("failing on purpose"), error.getMessage());
  }

  @Test
  void timeoutKillsTheChildAndFails() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> AgentRun.of(TinyMain.class).withoutAgent().args("sleep").timeout(Duration.ofSeconds(2)).run());
    assertTrue(error.getMessage().contains("did not exit within PT2S and was killed"), error.getMessage());
    Matcher pid = Pattern.compile("pid=(\\d+)").matcher(error.getMessage());
    assertTrue(pid.find(), error.getMessage());
    assertFalse(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void missingSpansFailTheRun() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> AgentRun.of(TinyMain.class).withoutAgent().expectSpans(1).timeout(Duration.ofSeconds(2)).run());
    assertTrue(error.getMessage().contains("Expected at least 1 spans"), error.getMessage());
    assertTrue(error.getMessage().contains("hello"), error.getMessage());
  }

  @Test
  void missingAgentJarFailsWithAHint() {
    Path missing = Path.of("target", "no-such-agent.jar");
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> AgentRun.of(TinyMain.class).agentJar(missing).run());
    assertTrue(error.getMessage().contains("build it first with mvn -B verify"), error.getMessage());
    assertTrue(error.getMessage().contains(missing.toAbsolutePath().toString()), error.getMessage());
  }

  @Test
  void usesAReceiverTheTestOwns() {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      receiver.respondWith(500);
      RunResult result = AgentRun.of(OtlpSenderMain.class).withoutAgent().receiver(receiver).run();
      assertEquals(1, result.exitCode(), result::describe);
      assertEquals(500, receiver.requests().get(0).status());
      assertEquals(0, result.spans().size());
    }
  }
}
