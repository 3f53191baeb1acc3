package io.tracewire.instrumentation.api.messaging;


/**
 * How one messaging library's instrumentation reads a message (or the request for one). Any value
 * may be {@code null} when the library does not know it; it is then left out.
 *
 * @param <M> whatever the interceptor holds: a publish call, a delivery, a pull
 */
public interface MessagingAttributesGetter<M> {

  /** {@code messaging.system}, e.g. {@code rabbitmq}. */
  String system();

  /** The system's name for the operation, {@code messaging.operation.name}, e.g. {@code publish}. */
  String operationName(MessagingOperation operation);

  /** {@code messaging.destination.name}, named by the system's own rule. */
  String destinationName(M message);

  /** {@code messaging.destination.subscription.name}: the queue or subscription consumed from. */
  default String subscriptionName(M message) {
    return null;
  }

  default String messageId(M message) {
    return null;
  }

  default String conversationId(M message) {
    return null;
  }

  /** The body's size in bytes, or a negative number when unknown. */
  default long bodySize(M message) {
    return -1;
  }

  default String serverAddress(M message) {
    return null;
  }

  /** The broker's port, or a non-positive number when unknown. */
  default int serverPort(M message) {
    return 0;
  }

  /** {@code network.protocol.name}, e.g. {@code amqp}. */
  default String protocolName() {
    return null;
  }

  /** Adds the system's own attributes (a routing key, a delivery tag). */
  default void systemAttributes(M message, AttributeSink attributes) {}
}
