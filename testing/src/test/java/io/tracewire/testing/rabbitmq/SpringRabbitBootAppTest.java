package io.tracewire.testing.rabbitmq;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Service;
import io.tracewire.testing.harness.Services;
import io.tracewire.testing.harness.Spans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Spring AMQP in a Spring Boot 3 fat jar ({@code testing-springboot-rabbit-app}) started with
 * {@code java -javaagent:... -jar}: {@code RabbitTemplate.convertAndSend} to two {@code
 * @RabbitListener}s, one on the simple container, one on the direct container. One CONSUMER span
 * per message, the child of its PRODUCER span, with the listener's JDBC under it.
 */
class SpringRabbitBootAppTest {

  @JdkMatrix
  void templateAndListenersMakeOneSpanEachJoinedWithTheirJdbc(Jdk jdk) {
    Services.require(Service.RABBITMQ);
    Path jar = Path.of(System.getProperty("tracewire.springboot.rabbit.app.jar", "missing"));
    assertTrue(Files.isRegularFile(jar), "no Spring Boot test application at " + jar + ": build it with mvn -B verify");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String simple = "tw.shipping." + run;
    String direct = "tw.shipping-direct." + run;
    RunResult result =
        AgentRun.ofJar(jar)
            .on(jdk)
            .args("--shipping.queue=" + simple, "--shipping.direct-queue=" + direct)
            // CREATE TABLE at start-up, 2 publishes, 2 deliveries, 2 statements
            .expectSpans(7)
            .run()
            .assertSuccess();
    assertTrue(result.stdout().contains("HANDLED both"), result.describe());
    Spans spans = result.spans();
    assertEquals(2, spans.ofKind("CONSUMER").size(), spans.dump());
    assertEquals(2, spans.ofKind("PRODUCER").size(), spans.dump());

    ReceivedSpan sent = spans.single("publish " + simple);
    ReceivedSpan listened = spans.single("process " + simple);
    assertThat(listened)
        .hasKind("CONSUMER")
        .hasParent(sent)
        .hasScopeName("io.tracewire.spring-rabbit")
        .hasAttribute("messaging.system", "rabbitmq")
        .hasAttribute("messaging.destination.name", simple)
        .hasAttribute("messaging.destination.subscription.name", simple)
        .hasAttribute("messaging.rabbitmq.message.delivery_tag", 1)
        .hasAttribute("server.port", 5672);
    onlyChild(spans, listened, "INSERT shipments");

    ReceivedSpan sentDirect = spans.single("publish " + direct);
    ReceivedSpan listenedDirect = spans.single("process " + direct);
    assertThat(listenedDirect).hasKind("CONSUMER").hasParent(sentDirect).hasScopeName("io.tracewire.rabbitmq");
    onlyChild(spans, listenedDirect, "SELECT shipments");
  }

  private static void onlyChild(Spans spans, ReceivedSpan parent, String name) {
    List<ReceivedSpan> children = spans.childrenOf(parent);
    assertEquals(1, children.size(), spans.dump());
    assertThat(children.get(0)).hasName(name);
  }
}
