package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.tracewire.instrumentation.rabbitmq.BrokerAddress;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;

/** Adds the broker a channel is connected to ({@code server.address}, {@code server.port}). */
final class ChannelBroker {

  private ChannelBroker() {}

  static RabbitMessage.Builder of(Channel channel, RabbitMessage.Builder message) {
    Connection connection = channel == null ? null : channel.getConnection();
    if (connection != null) {
      message.broker(BrokerAddress.hostOf(connection.getAddress()), connection.getPort());
    }
    return message;
  }
}
