package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Envelope;
import io.tracewire.instrumentation.rabbitmq.BrokerAddress;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;

/**
 * A RabbitMQ message as the channel sees it: the broker it is connected to ({@code server.address},
 * {@code server.port}) and, for a delivery, what the envelope, properties and body say.
 */
final class ChannelBroker {

  private ChannelBroker() {}

  /** A delivered message (pushed or pulled) from {@code queue}, as the channel handed it over. */
  static RabbitMessage delivered(
      Channel channel, String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    RabbitMessage.Builder message =
        envelope == null
            ? RabbitMessage.consumed(null, null, queue)
            : RabbitMessage.consumed(envelope.getExchange(), envelope.getRoutingKey(), queue)
                .deliveryTag(envelope.getDeliveryTag());
    if (properties != null) {
      message.ids(properties.getMessageId(), properties.getCorrelationId());
    }
    message.bodySize(body == null ? -1 : body.length);
    return of(channel, message).build();
  }

  static RabbitMessage.Builder of(Channel channel, RabbitMessage.Builder message) {
    Connection connection = channel == null ? null : channel.getConnection();
    if (connection != null) {
      message.broker(BrokerAddress.hostOf(connection.getAddress()), connection.getPort());
    }
    return message;
  }
}
