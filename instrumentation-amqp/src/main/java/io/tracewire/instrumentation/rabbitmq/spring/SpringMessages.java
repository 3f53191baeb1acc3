package io.tracewire.instrumentation.rabbitmq.spring;

import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Reads Spring AMQP's {@code Message} through its public getters, found once per class. Spring
 * AMQP 3 is compiled for Java 17 and the agent for Java 11, so the agent cannot be compiled against
 * it; the getters read here are documented API since Spring AMQP 1.x.
 */
public final class SpringMessages {

  /** What one message says: its attributes (the broker is the caller's) and its headers. */
  public static final class Read {
    public final RabbitMessage.Builder message;
    public final Map<String, Object> headers;

    Read(RabbitMessage.Builder message, Map<String, Object> headers) {
      this.message = message;
      this.headers = headers;
    }
  }

  private static final ClassValue<Getters> GETTERS =
      new ClassValue<>() {
        @Override
        protected Getters computeValue(Class<?> type) {
          return Getters.of(type);
        }
      };

  private SpringMessages() {}

  /** The message, or {@code null} when {@code message} is not one (or cannot be read). */
  public static Read read(Object message) {
    if (message == null) {
      return null;
    }
    try {
      Getters ofMessage = GETTERS.get(message.getClass());
      Object properties = ofMessage.call("getMessageProperties", message);
      if (properties == null) {
        return null;
      }
      Getters of = GETTERS.get(properties.getClass());
      RabbitMessage.Builder read =
          RabbitMessage.consumed(
                  (String) of.call("getReceivedExchange", properties),
                  (String) of.call("getReceivedRoutingKey", properties),
                  (String) of.call("getConsumerQueue", properties))
              .ids((String) of.call("getMessageId", properties), (String) of.call("getCorrelationId", properties));
      Object tag = of.call("getDeliveryTag", properties);
      if (tag instanceof Long) {
        read.deliveryTag((Long) tag);
      }
      Object body = ofMessage.call("getBody", message);
      if (body instanceof byte[]) {
        read.bodySize(((byte[]) body).length);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> headers = (Map<String, Object>) of.call("getHeaders", properties);
      return new Read(read, headers);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** A class's public no-argument getters, by name. */
  private static final class Getters {
    private final Map<String, Method> byName;

    private Getters(Map<String, Method> byName) {
      this.byName = byName;
    }

    static Getters of(Class<?> type) {
      Map<String, Method> byName = new java.util.HashMap<>();
      for (Method method : type.getMethods()) {
        if (method.getParameterCount() == 0 && method.getName().startsWith("get")) {
          byName.put(method.getName(), method);
        }
      }
      return new Getters(byName);
    }

    Object call(String name, Object target) throws ReflectiveOperationException {
      Method method = byName.get(name);
      return method == null ? null : method.invoke(target);
    }
  }
}
