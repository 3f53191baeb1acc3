package io.tracewire.instrumentation.rabbitmq;

/**
 * What the spans need to know of one RabbitMQ message, read from the client's types by the linked
 * interceptors (or from Spring AMQP's message) and handed to the telemetry in plain values, so the
 * telemetry itself never touches a library type.
 */
public final class RabbitMessage {

  final boolean consumerSide;
  final String exchange;
  final String routingKey;
  final String queue;
  final String messageId;
  final String correlationId;
  final long bodySize;
  final long deliveryTag;
  final String serverAddress;
  final int serverPort;

  private RabbitMessage(Builder builder) {
    this.consumerSide = builder.consumerSide;
    this.exchange = builder.exchange;
    this.routingKey = builder.routingKey;
    this.queue = builder.queue;
    this.messageId = builder.messageId;
    this.correlationId = builder.correlationId;
    this.bodySize = builder.bodySize;
    this.deliveryTag = builder.deliveryTag;
    this.serverAddress = builder.serverAddress;
    this.serverPort = builder.serverPort;
  }

  /** A message being published to {@code exchange} with {@code routingKey}. */
  public static Builder published(String exchange, String routingKey) {
    Builder builder = new Builder(false);
    builder.exchange = exchange;
    builder.routingKey = routingKey;
    return builder;
  }

  /**
   * A message delivered from {@code queue} (when known) that was published to {@code exchange}
   * with {@code routingKey} (when known: not before a pull has returned).
   */
  public static Builder consumed(String exchange, String routingKey, String queue) {
    Builder builder = new Builder(true);
    builder.exchange = exchange;
    builder.routingKey = routingKey;
    builder.queue = queue;
    return builder;
  }

  /** Builds a {@link RabbitMessage}; every value is optional. */
  public static final class Builder {
    private final boolean consumerSide;
    private String exchange;
    private String routingKey;
    private String queue;
    private String messageId;
    private String correlationId;
    private long bodySize = -1;
    private long deliveryTag = -1;
    private String serverAddress;
    private int serverPort;

    private Builder(boolean consumerSide) {
      this.consumerSide = consumerSide;
    }

    /** The message properties' {@code message-id} and {@code correlation-id}. */
    public Builder ids(String messageId, String correlationId) {
      this.messageId = messageId;
      this.correlationId = correlationId;
      return this;
    }

    public Builder bodySize(long bodySize) {
      this.bodySize = bodySize;
      return this;
    }

    public Builder deliveryTag(long deliveryTag) {
      this.deliveryTag = deliveryTag;
      return this;
    }

    public Builder broker(String address, int port) {
      this.serverAddress = address;
      this.serverPort = port;
      return this;
    }

    public RabbitMessage build() {
      return new RabbitMessage(this);
    }
  }
}
