package io.tracewire.testing.scenarios;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two services joined by RabbitMQ, each in its own JVM:
 *
 * <ul>
 *   <li>{@code consumer <queue> <ready file> <count>}: consumes {@code count} messages from the
 *       queue, recording each in H2, and exits; writes the ready file once it consumes;
 *   <li>{@code producer <queue> <second queue>}: publishes {@code order 1} to the queue and {@code
 *       order 2} to the second queue, which the test reads itself.
 * </ul>
 */
public final class RabbitTwoServicesScenario {

  public static void main(String[] args) throws Exception {
    if (args[0].equals("consumer")) {
      consume(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
    } else {
      produce(args[1], args[2]);
    }
  }

  private static void consume(String queue, Path ready, int count) throws Exception {
    java.sql.Connection db = DriverManager.getConnection("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE received (body VARCHAR(100))");
    }
    CountDownLatch done = new CountDownLatch(count);
    try (Connection connection = RabbitMqScenario.factory().newConnection("orders-consumer")) {
      Channel channel = connection.createChannel();
      channel.basicConsume(queue, true, RabbitMqScenario.recording(channel, db, "received", done));
      Files.writeString(ready, "consuming");
      if (!done.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("received " + (count - done.getCount()) + " of " + count + " messages");
      }
    }
    db.close();
  }

  private static void produce(String queue, String secondQueue) throws Exception {
    try (Connection connection = RabbitMqScenario.factory().newConnection("orders-producer");
        Channel channel = connection.createChannel()) {
      channel.basicPublish("", queue, null, "order 1".getBytes(StandardCharsets.UTF_8));
      channel.basicPublish("", secondQueue, null, "order 2".getBytes(StandardCharsets.UTF_8));
    }
    System.out.println("PUBLISHED");
  }
}
