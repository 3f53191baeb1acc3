package io.tracewire.testing.rabbitmq;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.OtlpReceiver;
import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Service;
import io.tracewire.testing.harness.Services;
import io.tracewire.testing.harness.Spans;
import io.tracewire.testing.scenarios.RabbitTwoServicesScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A producer and a consumer service in two JVMs with the agent, and the test JVM (no agent) as a
 * third party that speaks the OpenTelemetry agent's header format: a plain {@code traceparent}
 * string in the AMQP header table.
 */
class RabbitTwoJvmTest {

  /** A context as another agent would have written it. */
  private static final String FOREIGN_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String FOREIGN_SPAN_ID = "00f067aa0ba902b7";

  @JdkMatrix
  void theConsumerContinuesTheProducersTraceBothWaysWithOtherAgents(Jdk jdk) throws Exception {
    Services.require(Service.RABBITMQ);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String queue = "tw.two-jvms." + run;
    String inspected = "tw.inspected." + run;
    Path ready = Files.createTempDirectory("rabbit-two-jvms").resolve("consuming");
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    try (Connection connection = factory.newConnection("test");
        Channel channel = connection.createChannel();
        OtlpReceiver receiver = OtlpReceiver.start()) {
      channel.queueDeclare(queue, false, false, false, null);
      channel.queueDeclare(inspected, false, false, false, null);
      try {
        CompletableFuture<RunResult> consumer =
            CompletableFuture.supplyAsync(
                () ->
                    AgentRun.of(RabbitTwoServicesScenario.class)
                        .on(jdk)
                        .receiver(receiver)
                        .property("otel.service.name", "orders-consumer")
                        .args("consumer", queue, ready.toString(), "2")
                        .run());
        awaitFile(ready, consumer);
        AgentRun.of(RabbitTwoServicesScenario.class)
            .on(jdk)
            .receiver(receiver)
            .property("otel.service.name", "orders-producer")
            .args("producer", queue, inspected)
            .run()
            .assertSuccess();
        // What the OpenTelemetry agent writes: a string entry named traceparent.
        channel.basicPublish("", queue,
            new AMQP.BasicProperties.Builder()
                .headers(Map.of("traceparent", "00-" + FOREIGN_TRACE_ID + "-" + FOREIGN_SPAN_ID + "-01"))
                .build(),
            "order 3".getBytes(StandardCharsets.UTF_8));
        consumer.get(90, TimeUnit.SECONDS).assertSuccess();
        // producer: 2 publishes; consumer: CREATE TABLE, 2 deliveries with an INSERT each
        Spans spans = receiver.awaitSpans(7, Duration.ofSeconds(10));

        ReceivedSpan publish = spans.single("publish " + queue);
        assertEquals("orders-producer", publish.resourceAttributes().get("service.name"));
        List<ReceivedSpan> processes = spans.named("process " + queue);
        assertEquals(2, processes.size(), spans.dump());
        ReceivedSpan traced = processes.stream().filter(span -> publish.spanId().equals(span.parentSpanId()))
            .findFirst().orElseThrow(() -> new AssertionError(spans.dump()));
        assertThat(traced).hasKind("CONSUMER").isInSameTraceAs(publish);
        assertEquals("orders-consumer", traced.resourceAttributes().get("service.name"));
        ReceivedSpan foreign = processes.stream().filter(span -> span != traced).findFirst().orElseThrow();
        assertEquals(FOREIGN_TRACE_ID, foreign.traceId(), spans.dump());
        assertEquals(FOREIGN_SPAN_ID, foreign.parentSpanId(), spans.dump());
        for (ReceivedSpan process : processes) {
          List<ReceivedSpan> children = spans.childrenOf(process);
          assertEquals(1, children.size(), spans.dump());
          assertThat(children.get(0)).hasName("INSERT received");
        }

        // The other way: what a consumer without this agent reads is a plain traceparent string.
        GetResponse message = channel.basicGet(inspected, true);
        assertNotNull(message, "the producer's second message did not arrive");
        Object header = message.getProps().getHeaders().get("traceparent");
        assertTrue(header instanceof LongString, "traceparent is a " + (header == null ? null : header.getClass()));
        ReceivedSpan second = spans.single("publish " + inspected);
        assertTrue(header.toString().startsWith("00-" + second.traceId() + "-" + second.spanId() + "-"), header.toString());
      } finally {
        channel.queueDelete(queue);
        channel.queueDelete(inspected);
      }
    }
  }

  private static void awaitFile(Path file, CompletableFuture<RunResult> consumer) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isRegularFile(file)) {
      if (consumer.isDone()) {
        throw new AssertionError("the consumer exited before consuming\n" + consumer.get().describe());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the consumer did not start consuming within 60 s");
      }
      Thread.sleep(20);
    }
  }
}
