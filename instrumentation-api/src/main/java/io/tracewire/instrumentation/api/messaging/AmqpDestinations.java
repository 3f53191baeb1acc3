package io.tracewire.instrumentation.api.messaging;

/**
 * {@code messaging.destination.name} for AMQP 0-9-1 brokers (RabbitMQ), where a message is sent to
 * an exchange with a routing key and consumed from a queue. Shared by every AMQP client
 * instrumentation (the RabbitMQ client, Spring AMQP's listener containers).
 */
public final class AmqpDestinations {

  /** What RabbitMQ calls the default exchange, whose real name is empty. */
  public static final String DEFAULT_EXCHANGE = "amq.default";

  private AmqpDestinations() {}

  /**
   * The producer's side: {@code {exchange}:{routing key}} when both are set, else whichever is
   * set, else {@code amq.default}.
   */
  public static String producer(String exchange, String routingKey) {
    boolean hasExchange = isSet(exchange);
    boolean hasRoutingKey = isSet(routingKey);
    if (hasExchange && hasRoutingKey) {
      return exchange + ":" + routingKey;
    }
    if (hasExchange) {
      return exchange;
    }
    return hasRoutingKey ? routingKey : DEFAULT_EXCHANGE;
  }

  /**
   * The consumer's side: {@code {exchange}:{routing key}:{queue}}, leaving out what is empty or
   * unknown, and the routing key when it equals the queue (a message sent straight to a queue
   * through the default exchange is consumed from {@code orders}, not {@code orders:orders}).
   * {@code amq.default} when nothing is known.
   */
  public static String consumer(String exchange, String routingKey, String queue) {
    if (!isSet(exchange) && isSet(queue) && (!isSet(routingKey) || queue.equals(routingKey))) {
      // Straight to a queue through the default exchange: the common case, with nothing to join.
      return queue;
    }
    StringBuilder name = new StringBuilder();
    append(name, exchange);
    if (!isSet(queue) || !queue.equals(routingKey)) {
      append(name, routingKey);
    }
    append(name, queue);
    return name.length() == 0 ? DEFAULT_EXCHANGE : name.toString();
  }

  private static void append(StringBuilder name, String part) {
    if (isSet(part)) {
      if (name.length() > 0) {
        name.append(':');
      }
      name.append(part);
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }
}
