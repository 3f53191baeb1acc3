package io.tracewire.testing.springboot.rabbit;

import java.util.concurrent.CountDownLatch;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Two {@code @RabbitListener}s that record what they receive in H2. */
@Component
public class ShippingListeners {

  final CountDownLatch handled = new CountDownLatch(2);
  private final JdbcTemplate jdbc;

  public ShippingListeners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** On Boot's default container, the simple one. */
  @RabbitListener(queues = "${shipping.queue}")
  public void ship(String order) {
    jdbc.update("INSERT INTO shipments (body) VALUES (?)", order);
    System.out.println("HANDLED simple " + order);
    handled.countDown();
  }

  /** On a direct container, which runs the listener on the client's own delivery thread. */
  @RabbitListener(queues = "${shipping.direct-queue}", containerFactory = "directFactory")
  public void shipDirect(String order) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM shipments", Integer.class);
    System.out.println("HANDLED direct " + order + " after " + count);
    handled.countDown();
  }
}
