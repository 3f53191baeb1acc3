package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.opentelemetry.context.Context;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.messaging.CurrentMessagingSpan;
import io.tracewire.instrumentation.api.messaging.MessageHeaders;
import io.tracewire.instrumentation.api.messaging.MessagingOperation;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import io.tracewire.instrumentation.rabbitmq.RabbitMqInstrumentationModule;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Channel.basicPublish}, every overload: the outermost call on a thread makes the PRODUCER
 * span and keeps it current while the channels below it run (they then make none), and the
 * message goes out with a copy of its properties whose headers carry the span's context. The
 * properties are immutable and may be {@code null}, their headers {@code null} or unmodifiable:
 * the copy has a new header table with everything the application set, and every other property
 * as it was.
 */
public final class PublishInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    MessagingTelemetry<RabbitMessage> telemetry = RabbitMqInstrumentationModule.telemetry();
    int propertiesIndex = args.length == 7 ? 4 : args.length - 2;
    if (telemetry == null
        || propertiesIndex < 2
        || !(self instanceof Channel)
        || !(args[propertiesIndex] == null || args[propertiesIndex] instanceof AMQP.BasicProperties)) {
      return null;
    }
    Context parent = Context.current();
    if (!telemetry.shouldStart(MessagingOperation.SEND, parent)) {
      return null;
    }
    AMQP.BasicProperties properties = (AMQP.BasicProperties) args[propertiesIndex];
    RabbitMessage.Builder message =
        RabbitMessage.published(text(args[0]), text(args[1])).bodySize(sizeOf(args[propertiesIndex + 1]));
    if (properties != null) {
      message.ids(properties.getMessageId(), properties.getCorrelationId());
    }
    Context context = telemetry.startSend(parent, ChannelBroker.of((Channel) self, message).build());
    args[propertiesIndex] = withContext(properties, context, telemetry);
    return CurrentMessagingSpan.enter(telemetry, context);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof CurrentMessagingSpan) {
      ((CurrentMessagingSpan<?>) state).exit(thrown);
    }
  }

  /** A copy of {@code properties} whose headers also hold {@code context}. */
  static AMQP.BasicProperties withContext(
      AMQP.BasicProperties properties, Context context, MessagingTelemetry<RabbitMessage> telemetry) {
    Map<String, Object> original = properties == null ? null : properties.getHeaders();
    Map<String, Object> headers = original == null ? new LinkedHashMap<>() : new LinkedHashMap<>(original);
    telemetry.inject(context, headers, MessageHeaders.INSTANCE);
    AMQP.BasicProperties.Builder builder =
        properties == null ? new AMQP.BasicProperties.Builder() : properties.builder();
    return builder.headers(headers).build();
  }

  private static String text(Object value) {
    return value instanceof String ? (String) value : null;
  }

  private static long sizeOf(Object body) {
    if (body instanceof byte[]) {
      return ((byte[]) body).length;
    }
    return body instanceof ByteBuffer ? ((ByteBuffer) body).remaining() : -1;
  }
}
