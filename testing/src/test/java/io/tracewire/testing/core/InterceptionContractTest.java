package io.tracewire.testing.core;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.LinkedLibraryScenario;
import io.tracewire.testing.scenarios.PreloadingAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The interception contract, end to end with the real agent and the test extension: interceptors
 * that implement and call a library's own types, constructors, a replaced immutable argument, and
 * JDK classes of named modules, one of them loaded before the agent.
 */
class InterceptionContractTest {

  @JdkMatrix
  void linkedInterceptorsAndJdkClassesOfNamedModules(Jdk jdk) throws IOException {
    Path preloader = PreloadingAgent.writeJar(Files.createTempDirectory("tracewire-preload"));
    RunResult result =
        AgentRun.of(LinkedLibraryScenario.class)
            .on(jdk)
            .withTestExtension()
            .agentBefore(preloader, "java.util.zip.Adler32")
            .args("use")
            .expectSpans(3)
            .run()
            .assertSuccess();
    // The constructor's exit added the agent's handler, a class implementing the library's type.
    assertTrue(result.stdout().contains("handlers=1"), result.stdout() + result.stderr());
    // The body ran with the replaced message, which carries the send span's context.
    ReceivedSpan send = result.spans().single("selftest send");
    assertThat(send).hasKind("PRODUCER").isRoot();
    String traceparent = "00-" + send.traceId() + "-" + send.spanId() + "-";
    assertTrue(
        result.stdout().contains("sent: body=hello | audited traceparent=" + traceparent),
        result.stdout());
    // java.base (retransformed: another agent loaded the class first) and java.net.http.
    assertTrue(result.stdout().contains("adler32=851975"), result.stdout());
    assertThat(result.spans().single("selftest adler32")).isRoot();
    assertThat(result.spans().single("selftest http request builder")).isRoot();
    assertTrue(result.stdout().contains("request=http://127.0.0.1:9/x"), result.stdout());
  }

  @JdkMatrix
  void droppedLoadersTakeTheirLinkedInterceptorsWithThem(Jdk jdk) throws IOException {
    String library = AgentRun.classpathEntry("tracewire-testing-library").toString();
    RunResult result =
        AgentRun.of(LinkedLibraryScenario.class)
            .on(jdk)
            .withTestExtension()
            .args("drop", library)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("audited=50/50"), result.stdout() + result.stderr());
    assertTrue(result.stdout().contains("collected=50/50"), result.stdout() + result.stderr());
  }
}
