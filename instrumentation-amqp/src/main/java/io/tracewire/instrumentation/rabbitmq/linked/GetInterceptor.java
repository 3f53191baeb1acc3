package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.opentelemetry.context.Context;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.messaging.CurrentMessagingSpan;
import io.tracewire.instrumentation.api.messaging.MessageHeaders;
import io.tracewire.instrumentation.api.messaging.MessagingOperation;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import io.tracewire.instrumentation.rabbitmq.RabbitMqInstrumentationModule;

/**
 * {@code Channel.basicGet(queue, autoAck)}: a CLIENT {@code receive} span around the pull. A message
 * that comes back adds its attributes and a link to its producer's context (the pull is not part
 * of the producer's trace: it runs in the application's own); an empty queue is no error.
 */
public final class GetInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    MessagingTelemetry<RabbitMessage> telemetry = RabbitMqInstrumentationModule.telemetry();
    if (telemetry == null || !(self instanceof Channel) || args.length < 1) {
      return null;
    }
    Context parent = Context.current();
    if (!telemetry.shouldStart(MessagingOperation.RECEIVE, parent)) {
      return null;
    }
    String queue = args[0] instanceof String ? (String) args[0] : null;
    Channel channel = (Channel) self;
    Context context =
        telemetry.startReceive(parent, ChannelBroker.of(channel, RabbitMessage.consumed(null, null, queue)).build());
    return new Pull(CurrentMessagingSpan.enter(telemetry, context), channel, queue);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (!(state instanceof Pull)) {
      return;
    }
    Pull pull = (Pull) state;
    pull.span.leave();
    RabbitMessage received = null;
    AMQP.BasicProperties properties = null;
    if (returned instanceof GetResponse) {
      GetResponse response = (GetResponse) returned;
      properties = response.getProps();
      received = describe(pull, response, properties);
    }
    pull.span.telemetry().endReceive(
        pull.span.context(), received, properties == null ? null : properties.getHeaders(), MessageHeaders.INSTANCE, thrown);
  }

  private static RabbitMessage describe(Pull pull, GetResponse response, AMQP.BasicProperties properties) {
    return ChannelBroker.delivered(pull.channel, pull.queue, response.getEnvelope(), properties, response.getBody());
  }

  /** A pull this thread traces. */
  private static final class Pull {
    final CurrentMessagingSpan<RabbitMessage> span;
    final Channel channel;
    final String queue;

    Pull(CurrentMessagingSpan<RabbitMessage> span, Channel channel, String queue) {
      this.span = span;
      this.channel = channel;
      this.queue = queue;
    }
  }
}
