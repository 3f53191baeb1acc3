package io.tracewire.instrumentation.api.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AmqpDestinationsTest {

  @Test
  void producerJoinsExchangeAndRoutingKey() {
    assertEquals("orders:created", AmqpDestinations.producer("orders", "created"));
    assertEquals("orders", AmqpDestinations.producer("orders", ""));
    assertEquals("orders", AmqpDestinations.producer("orders", null));
    assertEquals("order-events", AmqpDestinations.producer("", "order-events"));
    assertEquals("amq.default", AmqpDestinations.producer("", ""));
    assertEquals("amq.default", AmqpDestinations.producer(null, null));
  }

  @Test
  void consumerAddsTheQueueAndDropsARoutingKeyThatIsTheQueue() {
    assertEquals("orders:created:billing", AmqpDestinations.consumer("orders", "created", "billing"));
    // Sent straight to the queue through the default exchange.
    assertEquals("order-events", AmqpDestinations.consumer("", "order-events", "order-events"));
    assertEquals("orders:billing", AmqpDestinations.consumer("orders", "", "billing"));
    assertEquals("orders:created", AmqpDestinations.consumer("orders", "created", null));
    assertEquals("billing", AmqpDestinations.consumer(null, null, "billing"));
    assertEquals("amq.default", AmqpDestinations.consumer("", "", ""));
  }

  @Test
  void spanNamesJoinOperationAndDestination() {
    assertEquals("publish orders:created", MessagingSpanNames.name("publish", "orders:created"));
    assertEquals("receive", MessagingSpanNames.name("receive", null));
    assertEquals("orders", MessagingSpanNames.name(null, "orders"));
  }
}
