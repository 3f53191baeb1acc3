package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.Channel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.messaging.CurrentMessagingSpan;
import io.tracewire.instrumentation.api.messaging.MessageHeaders;
import io.tracewire.instrumentation.api.messaging.MessagingOperation;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import io.tracewire.instrumentation.rabbitmq.spring.SpringMessages;
import io.tracewire.instrumentation.rabbitmq.spring.SpringRabbitInstrumentationModule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AbstractMessageListenerContainer.executeListener(Channel, data)}: a CONSUMER {@code
 * process} span around the listener, current while it runs. One message: the producer's context
 * from its headers is the parent. A batch ({@code List<Message>}): one span, a root linked to each
 * message's producer. Nothing when a CONSUMER span is already current (the direct container runs
 * the listener inside the client's traced {@code handleDelivery}). It shares the RabbitMQ linked
 * package (one linked loader per application loader) to read the channel's broker the same way.
 */
public final class SpringListenerInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    MessagingTelemetry<RabbitMessage> telemetry = SpringRabbitInstrumentationModule.telemetry();
    if (telemetry == null
        || args.length != 2
        || !telemetry.shouldStart(MessagingOperation.PROCESS, Context.current())) {
      return null;
    }
    Channel channel = args[0] instanceof Channel ? (Channel) args[0] : null;
    Context context =
        args[1] instanceof List ? startBatch(telemetry, channel, (List<?>) args[1]) : startOne(telemetry, channel, args[1]);
    return context == null ? null : CurrentMessagingSpan.enter(telemetry, context);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof CurrentMessagingSpan) {
      ((CurrentMessagingSpan<?>) state).exit(thrown);
    }
  }

  private static Context startOne(MessagingTelemetry<RabbitMessage> telemetry, Channel channel, Object data) {
    SpringMessages.Read read = SpringMessages.read(data);
    if (read == null) {
      return null;
    }
    return telemetry.startProcess(withBroker(read.message, channel), read.headers, MessageHeaders.INSTANCE);
  }

  private static Context startBatch(MessagingTelemetry<RabbitMessage> telemetry, Channel channel, List<?> batch) {
    SpringMessages.Read first = null;
    List<SpanContext> producers = new ArrayList<>(batch.size());
    for (Object data : batch) {
      SpringMessages.Read read = SpringMessages.read(data);
      if (read != null) {
        first = first == null ? read : first;
        producers.add(Span.fromContext(telemetry.extract(read.headers, MessageHeaders.INSTANCE)).getSpanContext());
      }
    }
    if (first == null) {
      return null;
    }
    return telemetry.startProcessBatch(withBroker(first.message, channel), producers, batch.size());
  }

  private static RabbitMessage withBroker(RabbitMessage.Builder message, Channel channel) {
    return ChannelBroker.of(channel, message).build();
  }
}
