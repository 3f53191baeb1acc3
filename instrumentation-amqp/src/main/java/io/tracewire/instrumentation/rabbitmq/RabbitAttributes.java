package io.tracewire.instrumentation.rabbitmq;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.tracewire.instrumentation.api.messaging.AmqpDestinations;
import io.tracewire.instrumentation.api.messaging.AttributeSink;
import io.tracewire.instrumentation.api.messaging.MessagingAttributesGetter;
import io.tracewire.instrumentation.api.messaging.MessagingOperation;

/** Reads a {@link RabbitMessage} for the messaging telemetry: RabbitMQ's names and attributes. */
public final class RabbitAttributes implements MessagingAttributesGetter<RabbitMessage> {

  static final AttributeKey<String> ROUTING_KEY = stringKey("messaging.rabbitmq.destination.routing_key");
  static final AttributeKey<Long> DELIVERY_TAG = longKey("messaging.rabbitmq.message.delivery_tag");

  @Override
  public String system() {
    return "rabbitmq";
  }

  @Override
  public String operationName(MessagingOperation operation) {
    return operation == MessagingOperation.SEND ? "publish" : operation.type();
  }

  @Override
  public String destinationName(RabbitMessage message) {
    return message.consumerSide
        ? AmqpDestinations.consumer(message.exchange, message.routingKey, message.queue)
        : AmqpDestinations.producer(message.exchange, message.routingKey);
  }

  @Override
  public String subscriptionName(RabbitMessage message) {
    return message.queue == null || message.queue.isEmpty() ? null : message.queue;
  }

  @Override
  public String messageId(RabbitMessage message) {
    return message.messageId;
  }

  @Override
  public String conversationId(RabbitMessage message) {
    return message.correlationId;
  }

  @Override
  public long bodySize(RabbitMessage message) {
    return message.bodySize;
  }

  @Override
  public String serverAddress(RabbitMessage message) {
    return message.serverAddress;
  }

  @Override
  public int serverPort(RabbitMessage message) {
    return message.serverPort;
  }

  @Override
  public String protocolName() {
    return "amqp";
  }

  @Override
  public void systemAttributes(RabbitMessage message, AttributeSink attributes) {
    if (message.routingKey != null && !message.routingKey.isEmpty()) {
      attributes.put(ROUTING_KEY, message.routingKey);
    }
    if (message.deliveryTag >= 0) {
      attributes.put(DELIVERY_TAG, message.deliveryTag);
    }
  }
}
