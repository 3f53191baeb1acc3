package io.tracewire.demo;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Order events over RabbitMQ: the storefront publishes {@code order placed} to queue {@code
 * demo.order-events}, and a shipping consumer in the same JVM looks the order up and ships it.
 * Without a broker on 127.0.0.1:5672 the demo says so in one line and goes on without messaging.
 */
class OrderEvents implements AutoCloseable {

  static final String QUEUE = "demo.order-events";

  private final Connection connection;
  private final Channel channel;
  private final Semaphore shipped = new Semaphore(0);
  private int published;

  private OrderEvents(Connection connection, Channel channel) {
    this.connection = connection;
    this.channel = channel;
  }

  /** Connected events, or ones that do nothing when no broker answers. */
  static OrderEvents connect(java.sql.Connection database) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setConnectionTimeout(1000);
    try {
      Connection connection = factory.newConnection("demo-shop");
      Channel channel = connection.createChannel();
      channel.queueDeclare(QUEUE, false, false, true, null);
      OrderEvents events = new OrderEvents(connection, channel);
      channel.basicConsume(QUEUE, true, events.shipping(channel, database));
      return events;
    } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
      System.out.println("messaging skipped: no RabbitMQ at 127.0.0.1:5672 (" + e.getClass().getSimpleName() + ")");
      return new OrderEvents(null, null);
    }
  }

  /** Publishes that order {@code orderId} was placed. */
  synchronized void orderPlaced(int orderId) throws IOException {
    if (channel != null) {
      channel.basicPublish("", QUEUE, null, String.valueOf(orderId).getBytes(StandardCharsets.UTF_8));
      published++;
    }
  }

  /** Waits (a few seconds at most) until every published event was shipped. */
  void awaitShipping() throws InterruptedException {
    if (channel != null && !shipped.tryAcquire(published, 5, TimeUnit.SECONDS)) {
      System.out.println("some order events were not shipped in time");
    }
  }

  private DefaultConsumer shipping(Channel channel, java.sql.Connection database) {
    return new DefaultConsumer(channel) {
      @Override
      public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        int orderId = Integer.parseInt(new String(body, StandardCharsets.UTF_8));
        try (PreparedStatement query = database.prepareStatement("SELECT customer FROM orders WHERE id = ?")) {
          query.setInt(1, orderId);
          try (ResultSet result = query.executeQuery()) {
            System.out.println("shipping order " + orderId + (result.next() ? " to " + result.getString(1) : ""));
          }
        } catch (SQLException e) {
          System.out.println("shipping order " + orderId + " failed: " + e.getMessage());
        } finally {
          shipped.release();
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    if (connection != null) {
      connection.close();
    }
  }
}
