package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.rabbitmq.spring.SpringRabbitInstrumentationModule;

/**
 * {@code ChannelN.basicConsume(queue, autoAck, tag, noLocal, exclusive, arguments, consumer)}, the
 * overload every other one (and every wrapper channel, and recovery) ends in: the consumer is
 * registered wrapped in a {@link TracingConsumer}. Wrapping here rather than weaving {@code
 * handleDelivery} covers consumers that are lambdas ({@code DeliverCallback}), knows the queue
 * and the connection, and spans exactly the call the client's dispatcher makes on its worker
 * thread.
 */
public final class ConsumeInterceptor implements Interceptor {

  /** Spring AMQP's consumer that only queues deliveries for a listener container's own thread. */
  private static final String SPRING_QUEUEING_CONSUMER =
      "org.springframework.amqp.rabbit.listener.BlockingQueueConsumer$InternalConsumer";

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length != 7 || !(args[6] instanceof Consumer) || args[6] instanceof TracingConsumer) {
      return null;
    }
    Consumer consumer = (Consumer) args[6];
    // Spring AMQP's listener containers make their CONSUMER spans themselves when the
    // spring-rabbit instrumentation is set up: its queueing consumer is then not wrapped, or each
    // message would have a second, empty CONSUMER span.
    if (SpringRabbitInstrumentationModule.telemetry() != null
        && consumer.getClass().getName().equals(SPRING_QUEUEING_CONSUMER)) {
      return null;
    }
    String queue = args[0] instanceof String ? (String) args[0] : null;
    args[6] = new TracingConsumer(consumer, self instanceof Channel ? (Channel) self : null, queue);
    return null;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {}
}
