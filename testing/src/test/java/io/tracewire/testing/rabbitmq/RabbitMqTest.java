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
import io.tracewire.testing.scenarios.RabbitMqScenario;
import java.util.List;
import java.util.UUID;

/** The RabbitMQ client against the real broker: publish, consume and pull, in one run per JDK. */
class RabbitMqTest {

  @JdkMatrix
  void publishConsumeAndPullAreTracedAndJoined(Jdk jdk) {
    Services.require(Service.RABBITMQ);
    String run = UUID.randomUUID().toString().substring(0, 8);
    RunResult result =
        AgentRun.of(RabbitMqScenario.class)
            .on(jdk)
            .withTestExtension()
            .args(run)
            // request + 5 publishes + 3 deliveries + 2 pulls + CREATE TABLE + INSERT
            .expectSpans(13)
            .run()
            .assertSuccess();
    Spans spans = result.spans();
    String out = result.stdout();

    // 1. A publish inside a request, with no properties; the consumer's JDBC nests under it.
    String orders = "tw.orders." + run;
    ReceivedSpan publish = spans.single("publish " + orders);
    assertThat(publish)
        .hasKind("PRODUCER")
        .hasParent(spans.single("request checkout"))
        .hasAttribute("messaging.system", "rabbitmq")
        .hasAttribute("messaging.operation.type", "send")
        .hasAttribute("messaging.operation.name", "publish")
        .hasAttribute("messaging.destination.name", orders)
        .hasAttribute("messaging.rabbitmq.destination.routing_key", orders)
        .hasAttribute("messaging.message.body.size", 7)
        .hasAttribute("server.address", "127.0.0.1")
        .hasAttribute("server.port", 5672)
        .hasAttribute("network.protocol.name", "amqp")
        .hasNoAttribute("messaging.message.id")
        .hasScopeName("io.tracewire.rabbitmq");
    ReceivedSpan process = spans.single("process " + orders);
    assertThat(process)
        .hasKind("CONSUMER")
        .hasParent(publish)
        .hasAttribute("messaging.operation.type", "process")
        .hasAttribute("messaging.operation.name", "process")
        .hasAttribute("messaging.destination.name", orders)
        .hasAttribute("messaging.destination.subscription.name", orders)
        .hasAttribute("messaging.rabbitmq.message.delivery_tag", 1)
        .hasAttribute("server.port", 5672)
        .hasStatus("UNSET");
    assertThat(spans.single("INSERT orders")).hasParent(process);

    // 2. Every property and the application's unmodifiable headers arrive as they were sent.
    String exchange = "tw.shop." + run;
    ReceivedSpan routed = spans.single("publish " + exchange + ":order.created");
    assertThat(routed)
        .isRoot()
        .hasAttribute("messaging.destination.name", exchange + ":order.created")
        .hasAttribute("messaging.rabbitmq.destination.routing_key", "order.created")
        .hasAttribute("messaging.message.id", "m-2")
        .hasAttribute("messaging.message.conversation_id", "c-2");
    ReceivedSpan audited = spans.single("process " + exchange + ":order.created:tw.audit." + run);
    assertThat(audited).hasParent(routed).hasAttribute("messaging.message.id", "m-2");
    assertTrue(
        out.contains("AUDIT deliveryMode=2 priority=5 type=application/json tenant=acme traceparent=string 00-"
            + routed.traceId() + "-" + routed.spanId() + "-0"),
        result.describe());

    // 3. A handler that throws: the span records it.
    assertThat(spans.single("process tw.failing." + run))
        .hasParent(spans.single("publish tw.failing." + run))
        .hasStatus("ERROR")
        .hasAttribute("error.type", "java.lang.IllegalStateException")
        .hasEvent("exception");

    // 4. Confirms and returned messages keep working.
    assertTrue(out.contains("RETURNED NO_ROUTE with context true"), result.describe());
    assertTrue(out.contains("CONFIRMED"), result.describe());
    spans.single("publish tw.nowhere." + run);

    // 5. basicGet: a CLIENT span linked to the producer; an empty queue is no error.
    assertTrue(out.contains("GOT order 4"), result.describe());
    assertTrue(out.contains("EMPTY true"), result.describe());
    ReceivedSpan polledPublish = spans.single("publish tw.polled." + run);
    List<ReceivedSpan> pulls = spans.named("receive tw.polled." + run);
    assertEquals(2, pulls.size(), spans.dump());
    ReceivedSpan got = pulls.stream().filter(span -> !span.links().isEmpty()).findFirst().orElseThrow();
    assertThat(got)
        .hasKind("CLIENT")
        .isRoot()
        .hasLinkTo(polledPublish)
        .hasAttribute("messaging.operation.type", "receive")
        .hasAttribute("messaging.destination.name", "tw.polled." + run)
        .hasAttribute("messaging.message.id", "m-4")
        .hasAttribute("messaging.message.body.size", 7);
    ReceivedSpan empty = pulls.stream().filter(span -> span.links().isEmpty()).findFirst().orElseThrow();
    assertThat(empty).hasStatus("UNSET").hasNoAttribute("messaging.message.id");
  }
}
