package io.tracewire.instrumentation.rabbitmq.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tracewire.instrumentation.rabbitmq.RabbitAttributes;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads a message shaped like Spring AMQP's through the same public getters. */
class SpringMessagesTest {

  public static final class Properties {
    public Map<String, Object> getHeaders() {
      return Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    public String getReceivedExchange() {
      return "";
    }

    public String getReceivedRoutingKey() {
      return "order-events";
    }

    public String getConsumerQueue() {
      return "order-events";
    }

    public long getDeliveryTag() {
      return 4;
    }

    public String getMessageId() {
      return "m-9";
    }

    public String getCorrelationId() {
      return null;
    }
  }

  public static final class Message {
    public Properties getMessageProperties() {
      return new Properties();
    }

    public byte[] getBody() {
      return new byte[] {1, 2, 3};
    }
  }

  @Test
  void readsTheReceivedRoutingQueueIdsTagBodyAndHeaders() {
    SpringMessages.Read read = SpringMessages.read(new Message());
    RabbitMessage message = read.message.build();
    RabbitAttributes attributes = new RabbitAttributes();
    assertEquals("order-events", attributes.destinationName(message));
    assertEquals("order-events", attributes.subscriptionName(message));
    assertEquals("m-9", attributes.messageId(message));
    assertEquals(3, attributes.bodySize(message));
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", read.headers.get("traceparent"));
  }

  @Test
  void anythingElseIsNoMessage() {
    assertNull(SpringMessages.read("not a message"));
    assertNull(SpringMessages.read(null));
  }
}
