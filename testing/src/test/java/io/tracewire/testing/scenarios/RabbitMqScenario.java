package io.tracewire.testing.scenarios;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run over the RabbitMQ client against the broker on 127.0.0.1:5672, every name suffixed with
 * {@code args[0]} so runs never meet:
 *
 * <ol>
 *   <li>inside {@code request checkout}, a message with no properties straight to queue {@code
 *       tw.orders.*}, consumed by a {@code DefaultConsumer} that writes it to H2;
 *   <li>a message with every property and unmodifiable headers to exchange {@code tw.shop.*} with
 *       routing key {@code order.created}, bound to {@code tw.audit.*}, consumed by a {@code
 *       DeliverCallback} lambda that prints what arrived ({@code AUDIT ...});
 *   <li>a message whose consumer throws;
 *   <li>on a channel with publisher confirms: a mandatory message nobody can route ({@code
 *       RETURNED ...}) and one to {@code tw.polled.*}, then {@code CONFIRMED};
 *   <li>{@code basicGet} of that message ({@code GOT ...}), then of the empty queue ({@code EMPTY}).
 * </ol>
 */
public final class RabbitMqScenario {

  public static void main(String[] args) throws Exception {
    String run = args[0];
    String orders = "tw.orders." + run;
    String audit = "tw.audit." + run;
    String failing = "tw.failing." + run;
    String polled = "tw.polled." + run;
    String exchange = "tw.shop." + run;

    java.sql.Connection db = DriverManager.getConnection("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(100))");
    }
    try (Connection connection = factory().newConnection("scenario");
        Channel channel = connection.createChannel()) {
      for (String queue : new String[] {orders, audit, failing, polled}) {
        channel.queueDeclare(queue, false, false, true, null);
      }
      channel.exchangeDeclare(exchange, "direct", false, true, null);
      channel.queueBind(audit, exchange, "order.created");

      CountDownLatch delivered = new CountDownLatch(3);
      channel.basicConsume(orders, true, recording(channel, db, "orders", delivered));
      channel.basicConsume(audit, true, (tag, delivery) -> {
        AMQP.BasicProperties properties = delivery.getProperties();
        Object traceparent = properties.getHeaders().get("traceparent");
        System.out.println("AUDIT deliveryMode=" + properties.getDeliveryMode()
            + " priority=" + properties.getPriority()
            + " type=" + properties.getContentType()
            + " tenant=" + properties.getHeaders().get("tenant")
            + " traceparent=" + (traceparent instanceof LongString ? "string " + traceparent : traceparent));
        delivered.countDown();
      }, tag -> {});
      // The client's default exception handler closes a channel whose consumer throws: a channel of its own.
      Channel failingChannel = connection.createChannel();
      failingChannel.basicConsume(failing, true, (tag, delivery) -> {
        delivered.countDown();
        throw new IllegalStateException("cannot handle " + new String(delivery.getBody(), StandardCharsets.UTF_8));
      }, tag -> {});

      Labels.request("checkout", () -> publish(channel, "", orders, null, "order 1"));
      AMQP.BasicProperties everything =
          new AMQP.BasicProperties.Builder()
              .contentType("application/json")
              .headers(Collections.unmodifiableMap(Map.of("tenant", "acme")))
              .deliveryMode(2)
              .priority(5)
              .messageId("m-2")
              .correlationId("c-2")
              .build();
      publish(channel, exchange, "order.created", everything, "{\"order\":2}");
      publish(channel, "", failing, MessageProperties.PERSISTENT_TEXT_PLAIN, "order 3");
      if (!delivered.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the consumers got " + (3 - delivered.getCount()) + " of 3 messages");
      }

      try (Channel confirming = connection.createChannel()) {
        confirming.confirmSelect();
        CountDownLatch returned = new CountDownLatch(1);
        confirming.addReturnListener(message -> {
          System.out.println("RETURNED " + message.getReplyText() + " with context "
              + (message.getProperties().getHeaders().get("traceparent") != null));
          returned.countDown();
        });
        confirming.basicPublish("", "tw.nowhere." + run, true, null, "lost".getBytes(StandardCharsets.UTF_8));
        confirming.basicPublish("", polled, true,
            new AMQP.BasicProperties.Builder().messageId("m-4").build(), "order 4".getBytes(StandardCharsets.UTF_8));
        confirming.waitForConfirmsOrDie(10_000);
        System.out.println("CONFIRMED");
        if (!returned.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the unroutable message did not come back");
        }
      }

      GetResponse got = null;
      for (int attempt = 0; attempt < 100 && got == null; attempt++) {
        got = channel.basicGet(polled, true);
        if (got == null) {
          Thread.sleep(50);
        }
      }
      System.out.println("GOT " + (got == null ? null : new String(got.getBody(), StandardCharsets.UTF_8)));
      System.out.println("EMPTY " + (channel.basicGet(polled, true) == null));
      channel.queueDelete(polled);
      channel.exchangeDelete(exchange);
    }
    db.close();
  }

  static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setUsername("guest");
    factory.setPassword("guest");
    return factory;
  }

  /** A consumer that inserts each message's body into {@code table} and counts it down. */
  static DefaultConsumer recording(Channel channel, java.sql.Connection db, String table, CountDownLatch delivered) {
    return new DefaultConsumer(channel) {
      @Override
      public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table + " (body) VALUES (?)")) {
          insert.setString(1, new String(body, StandardCharsets.UTF_8));
          insert.executeUpdate();
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        } finally {
          delivered.countDown();
        }
      }
    };
  }

  private static void publish(Channel channel, String exchange, String routingKey, AMQP.BasicProperties properties, String body) {
    try {
      channel.basicPublish(exchange, routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
