import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publish and consume through the RabbitMQ broker on 127.0.0.1:5672: one connection publishes
 * 100-byte messages to a fresh queue, another consumes them (automatic acknowledgement), at most
 * 256 messages in flight. Warm up, then count consumed messages in a fixed window: each is one
 * publish and one delivery.
 */
public final class RabbitThroughput {

  private static final Semaphore IN_FLIGHT = new Semaphore(256);
  private static final LongAdder CONSUMED = new LongAdder();

  public static void main(String[] args) throws Exception {
    double warmupSeconds = Double.parseDouble(args[0]);
    double measureSeconds = Double.parseDouble(args[1]);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    try (Connection producer = factory.newConnection("bench-producer");
        Connection consumer = factory.newConnection("bench-consumer")) {
      Channel publishing = producer.createChannel();
      String queue = publishing.queueDeclare("", false, false, true, null).getQueue();
      Channel consuming = consumer.createChannel();
      consuming.basicConsume(queue, true, new DefaultConsumer(consuming) {
        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
          CONSUMED.increment();
          IN_FLIGHT.release();
        }
      });
      byte[] body = new byte[100];
      runFor(publishing, queue, body, warmupSeconds);
      long before = CONSUMED.sum();
      long start = System.nanoTime();
      runFor(publishing, queue, body, measureSeconds);
      long elapsed = System.nanoTime() - start;
      System.out.printf("ops_per_s %.1f%n", (CONSUMED.sum() - before) * 1e9 / elapsed);
    }
  }

  private static void runFor(Channel channel, String queue, byte[] body, double seconds) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < 32; i++) {
        IN_FLIGHT.acquire();
        channel.basicPublish("", queue, null, body);
      }
    }
  }
}
