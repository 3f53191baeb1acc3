package io.tracewire.instrumentation.api.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracewire.instrumentation.api.SpanKey;
import io.tracewire.instrumentation.api.http.FakeInstrumentationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingTelemetryTest {

  private static final AttributeKey<String> ROUTING_KEY =
      AttributeKey.stringKey("messaging.rabbitmq.destination.routing_key");

  /** A message as a test module sees it. */
  private static final class Message {
    final String destination;
    final String queue;
    final String id;
    final long size;

    Message(String destination, String queue, String id, long size) {
      this.destination = destination;
      this.queue = queue;
      this.id = id;
      this.size = size;
    }
  }

  private static final class Getter implements MessagingAttributesGetter<Message> {
    @Override
    public String system() {
      return "rabbitmq";
    }

    @Override
    public String operationName(MessagingOperation operation) {
      return operation == MessagingOperation.SEND ? "publish" : operation.type();
    }

    @Override
    public String destinationName(Message message) {
      return message.destination;
    }

    @Override
    public String subscriptionName(Message message) {
      return message.queue;
    }

    @Override
    public String messageId(Message message) {
      return message.id;
    }

    @Override
    public long bodySize(Message message) {
      return message.size;
    }

    @Override
    public String serverAddress(Message message) {
      return "broker.local";
    }

    @Override
    public int serverPort(Message message) {
      return 5672;
    }

    @Override
    public String protocolName() {
      return "amqp";
    }

    @Override
    public void systemAttributes(Message message, AttributeSink attributes) {
      attributes.put(ROUTING_KEY, "created");
    }
  }

  private final FakeInstrumentationContext context = new FakeInstrumentationContext();
  private final MessagingTelemetry<Message> telemetry = MessagingTelemetry.create(context, new Getter());

  @Test
  void aPublishIsAProducerSpanWithTheConventionsAttributes() {
    Context publish = telemetry.startSend(Context.root(), new Message("orders:created", null, "m-1", 12));
    assertTrue(SpanKey.MESSAGING_PRODUCER.isActiveIn(publish));
    assertFalse(telemetry.shouldStart(MessagingOperation.SEND, publish));
    assertTrue(telemetry.shouldStart(MessagingOperation.PROCESS, publish));
    telemetry.end(publish, null);

    SpanData span = context.onlySpan();
    assertEquals("publish orders:created", span.getName());
    assertEquals(SpanKind.PRODUCER, span.getKind());
    assertEquals("rabbitmq", span.getAttributes().get(MessagingKeys.SYSTEM));
    assertEquals("send", span.getAttributes().get(MessagingKeys.OPERATION_TYPE));
    assertEquals("publish", span.getAttributes().get(MessagingKeys.OPERATION_NAME));
    assertEquals("orders:created", span.getAttributes().get(MessagingKeys.DESTINATION_NAME));
    assertEquals("m-1", span.getAttributes().get(MessagingKeys.MESSAGE_ID));
    assertNull(span.getAttributes().get(MessagingKeys.CONVERSATION_ID));
    assertNull(span.getAttributes().get(MessagingKeys.SUBSCRIPTION_NAME));
    assertEquals(12L, span.getAttributes().get(MessagingKeys.BODY_SIZE));
    assertEquals("broker.local", span.getAttributes().get(AttributeKey.stringKey("server.address")));
    assertEquals(5672L, span.getAttributes().get(AttributeKey.longKey("server.port")));
    assertEquals("amqp", span.getAttributes().get(MessagingKeys.NETWORK_PROTOCOL_NAME));
    assertEquals("created", span.getAttributes().get(ROUTING_KEY));
    assertNull(span.getAttributes().get(MessagingKeys.OLD_OPERATION));
  }

  @Test
  void aProcessSpanContinuesTheContextInjectedIntoTheHeaders() {
    Context publish = telemetry.startSend(Context.root(), new Message("orders", null, null, -1));
    Map<String, Object> headers = new HashMap<>();
    telemetry.inject(publish, headers, MessageHeaders.INSTANCE);
    assertTrue(headers.get("traceparent") instanceof String, headers.toString());
    telemetry.end(publish, null);

    Context process = telemetry.startProcess(new Message("orders", "orders", null, 5), headers, MessageHeaders.INSTANCE);
    telemetry.end(process, new IllegalStateException("handler failed"));

    List<SpanData> spans = context.spans();
    SpanData producer = spans.get(0);
    SpanData consumer = spans.get(1);
    assertEquals("process orders", consumer.getName());
    assertEquals(SpanKind.CONSUMER, consumer.getKind());
    assertEquals(producer.getSpanId(), consumer.getParentSpanId());
    assertEquals(producer.getTraceId(), consumer.getTraceId());
    assertEquals("orders", consumer.getAttributes().get(MessagingKeys.SUBSCRIPTION_NAME));
    assertEquals(StatusCode.ERROR, consumer.getStatus().getStatusCode());
    assertEquals("java.lang.IllegalStateException", consumer.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals("exception", consumer.getEvents().get(0).getName());
  }

  @Test
  void aProcessSpanWithoutAContextInItsHeadersIsARootWhateverIsCurrent() {
    Context outer = telemetry.startSend(Context.root(), new Message("x", null, null, -1));
    try (io.opentelemetry.context.Scope ignored = outer.makeCurrent()) {
      Context process = telemetry.startProcess(new Message("orders", null, null, -1), new HashMap<>(), MessageHeaders.INSTANCE);
      assertFalse(Span.fromContext(process).getSpanContext().getTraceId()
          .equals(Span.fromContext(outer).getSpanContext().getTraceId()));
      telemetry.end(process, null);
    }
    telemetry.end(outer, null);
  }

  @Test
  void aReceiveLinksToTheProducerAndAnEmptyQueueIsNoError() {
    Context publish = telemetry.startSend(Context.root(), new Message("orders", null, null, -1));
    Map<String, Object> headers = new HashMap<>();
    telemetry.inject(publish, headers, MessageHeaders.INSTANCE);
    telemetry.end(publish, null);

    Context parent = telemetry.startSend(Context.root(), new Message("unrelated", null, null, -1));
    Context receive = telemetry.startReceive(parent, new Message("orders", "orders", null, -1));
    telemetry.endReceive(receive, new Message("orders", "orders", "m-2", 3), headers, MessageHeaders.INSTANCE, null);
    Context empty = telemetry.startReceive(Context.root(), new Message("orders", "orders", null, -1));
    telemetry.endReceive(empty, null, null, MessageHeaders.INSTANCE, null);
    telemetry.end(parent, null);

    List<SpanData> spans = context.spans();
    SpanData producer = spans.get(0);
    SpanData received = spans.get(1);
    assertEquals("receive orders", received.getName());
    assertEquals(SpanKind.CLIENT, received.getKind());
    assertEquals("m-2", received.getAttributes().get(MessagingKeys.MESSAGE_ID));
    assertEquals(3L, received.getAttributes().get(MessagingKeys.BODY_SIZE));
    assertEquals(1, received.getLinks().size());
    assertEquals(producer.getSpanId(), received.getLinks().get(0).getSpanContext().getSpanId());
    assertEquals(spans.get(3).getSpanId(), received.getParentSpanId());
    SpanData nothing = spans.get(2);
    assertEquals(StatusCode.UNSET, nothing.getStatus().getStatusCode());
    assertTrue(nothing.getLinks().isEmpty());
  }

  @Test
  void aBatchIsOneRootLinkedToEveryProducer() {
    Context first = telemetry.startSend(Context.root(), new Message("orders", null, null, -1));
    Context second = telemetry.startSend(Context.root(), new Message("orders", null, null, -1));
    Context batch = telemetry.startProcessBatch(
        new Message("orders", "orders", null, -1),
        List.of(Span.fromContext(first).getSpanContext(), Span.fromContext(second).getSpanContext()),
        2);
    telemetry.end(batch, null);
    SpanData span = context.onlySpan();
    assertEquals(2, span.getLinks().size());
    assertEquals(2L, span.getAttributes().get(MessagingKeys.BATCH_MESSAGE_COUNT));
    assertFalse(span.getParentSpanContext().isValid());
  }

  @Test
  void messagingDupAddsTheOldOperationAttribute() {
    FakeInstrumentationContext dup = new FakeInstrumentationContext().with("otel.semconv-stability.opt-in", "messaging/dup");
    MessagingTelemetry<Message> withOldNames = MessagingTelemetry.create(dup, new Getter());
    withOldNames.end(withOldNames.startSend(Context.root(), new Message("orders", null, null, -1)), null);
    assertEquals("publish", dup.onlySpan().getAttributes().get(MessagingKeys.OLD_OPERATION));
  }
}
