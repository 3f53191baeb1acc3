package io.tracewire.testing.springboot.rabbit;

import java.util.concurrent.TimeUnit;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.DirectRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot 3 service on RabbitMQ, packaged as a fat jar: it sends one order with {@code
 * RabbitTemplate.convertAndSend} to each of two queues, one listened to through Boot's default
 * (simple) listener container, one through a direct container, waits until both listeners wrote
 * to H2 ({@code HANDLED simple}, {@code HANDLED direct}) and exits. Queue names come from {@code
 * --shipping.queue} and {@code --shipping.direct-queue}.
 */
@SpringBootApplication
public class ShippingApplication {

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context = SpringApplication.run(ShippingApplication.class, args);
    RabbitTemplate template = context.getBean(RabbitTemplate.class);
    ShippingListeners listeners = context.getBean(ShippingListeners.class);
    template.convertAndSend("", context.getEnvironment().getProperty("shipping.queue"), "order 1");
    template.convertAndSend("", context.getEnvironment().getProperty("shipping.direct-queue"), "order 2");
    boolean handled = listeners.handled.await(30, TimeUnit.SECONDS);
    System.out.println(handled ? "HANDLED both" : "TIMED OUT");
    System.exit(SpringApplication.exit(context, () -> handled ? 0 : 1));
  }

  @Bean
  Queue shippingQueue(@Value("${shipping.queue}") String name) {
    return new Queue(name, false, false, true);
  }

  @Bean
  Queue directShippingQueue(@Value("${shipping.direct-queue}") String name) {
    return new Queue(name, false, false, true);
  }

  @Bean
  DirectRabbitListenerContainerFactory directFactory(ConnectionFactory connectionFactory) {
    DirectRabbitListenerContainerFactory factory = new DirectRabbitListenerContainerFactory();
    factory.setConnectionFactory(connectionFactory);
    return factory;
  }
}
