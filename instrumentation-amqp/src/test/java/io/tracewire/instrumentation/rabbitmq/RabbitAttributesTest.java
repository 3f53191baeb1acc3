package io.tracewire.instrumentation.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.common.AttributeKey;
import io.tracewire.instrumentation.api.messaging.AttributeSink;
import io.tracewire.instrumentation.api.messaging.MessagingOperation;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RabbitAttributesTest {

  private final RabbitAttributes attributes = new RabbitAttributes();

  @Test
  void producerAndConsumerSidesAreNamedByTheirOwnRules() {
    RabbitMessage published = RabbitMessage.published("", "order-events").build();
    assertEquals("order-events", attributes.destinationName(published));
    assertNull(attributes.subscriptionName(published));
    RabbitMessage delivered = RabbitMessage.consumed("", "order-events", "order-events").deliveryTag(3).build();
    assertEquals("order-events", attributes.destinationName(delivered));
    assertEquals("order-events", attributes.subscriptionName(delivered));
    RabbitMessage routed = RabbitMessage.consumed("shop", "order.created", "billing").build();
    assertEquals("shop:order.created:billing", attributes.destinationName(routed));
  }

  @Test
  void routingKeyAndDeliveryTagOnlyWhenKnown() {
    Map<AttributeKey<?>, Object> set = new HashMap<>();
    attributes.systemAttributes(RabbitMessage.consumed("shop", "created", "q").deliveryTag(7).build(), into(set));
    assertEquals("created", set.get(RabbitAttributes.ROUTING_KEY));
    assertEquals(7L, set.get(RabbitAttributes.DELIVERY_TAG));
    Map<AttributeKey<?>, Object> empty = new HashMap<>();
    attributes.systemAttributes(RabbitMessage.published("shop", "").build(), into(empty));
    assertEquals(Map.of(), empty);
  }

  @Test
  void operationNames() {
    assertEquals("publish", attributes.operationName(MessagingOperation.SEND));
    assertEquals("process", attributes.operationName(MessagingOperation.PROCESS));
    assertEquals("receive", attributes.operationName(MessagingOperation.RECEIVE));
  }

  @Test
  void brokerAddressNeverLooksAnythingUp() throws Exception {
    assertEquals("127.0.0.1", BrokerAddress.hostOf(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
    assertEquals("broker.local", BrokerAddress.hostOf(InetAddress.getByAddress("broker.local", new byte[] {10, 0, 0, 5})));
    assertNull(BrokerAddress.hostOf(null));
  }

  @Test
  void eachAddressObjectKeepsItsOwnHost() throws Exception {
    InetAddress named = InetAddress.getByAddress("broker-a", new byte[] {10, 0, 0, 5});
    InetAddress sameIpOtherName = InetAddress.getByAddress("broker-b", new byte[] {10, 0, 0, 5});
    for (int i = 0; i < 3; i++) {
      assertEquals("broker-a", BrokerAddress.hostOf(named));
      assertEquals("broker-a", BrokerAddress.hostOf(named));
      assertEquals("broker-b", BrokerAddress.hostOf(sameIpOtherName));
    }
  }

  private static AttributeSink into(Map<AttributeKey<?>, Object> set) {
    return new AttributeSink() {
      @Override
      public <T> void put(AttributeKey<T> key, T value) {
        set.put(key, value);
      }
    };
  }
}
