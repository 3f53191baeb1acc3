package io.tracewire.instrumentation.rabbitmq.linked;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.instrumentation.api.messaging.MessageHeaders;
import io.tracewire.instrumentation.api.messaging.MessagingOperation;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import io.tracewire.instrumentation.rabbitmq.RabbitMqInstrumentationModule;
import java.io.IOException;

/**
 * The application's consumer as the channel sees it: every call goes to it unchanged, and each
 * delivery runs inside a CONSUMER {@code process} span whose parent is the producer's context from
 * the message's headers (a root without one). The span is current while the application's {@code
 * handleDelivery} runs, so its JDBC and HTTP calls nest under it, and records what it throws,
 * which is thrown on as it was.
 */
public final class TracingConsumer implements Consumer {

  private final Consumer delegate;
  private final Channel channel;
  private final String queue;

  TracingConsumer(Consumer delegate, Channel channel, String queue) {
    this.delegate = delegate;
    this.channel = channel;
    this.queue = queue;
  }

  @Override
  public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
      throws IOException {
    MessagingTelemetry<RabbitMessage> telemetry = RabbitMqInstrumentationModule.telemetry();
    Context context = start(telemetry, envelope, properties, body);
    if (context == null) {
      delegate.handleDelivery(consumerTag, envelope, properties, body);
      return;
    }
    Throwable thrown = null;
    try (Scope ignored = context.makeCurrent()) {
      delegate.handleDelivery(consumerTag, envelope, properties, body);
    } catch (IOException | RuntimeException | Error e) {
      thrown = e;
      throw e;
    } finally {
      end(telemetry, context, thrown);
    }
  }

  /** The span of one delivery, or {@code null}: tracing never stops the delivery itself. */
  private Context start(
      MessagingTelemetry<RabbitMessage> telemetry, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    try {
      if (telemetry == null || !telemetry.shouldStart(MessagingOperation.PROCESS, Context.current())) {
        return null;
      }
      return telemetry.startProcess(
          ChannelBroker.delivered(channel, queue, envelope, properties, body),
          properties == null ? null : properties.getHeaders(),
          MessageHeaders.INSTANCE);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static void end(MessagingTelemetry<RabbitMessage> telemetry, Context context, Throwable thrown) {
    try {
      telemetry.end(context, thrown);
    } catch (RuntimeException | LinkageError ignored) {
      // The span is lost; the delivery's outcome is not.
    }
  }

  @Override
  public void handleConsumeOk(String consumerTag) {
    delegate.handleConsumeOk(consumerTag);
  }

  @Override
  public void handleCancelOk(String consumerTag) {
    delegate.handleCancelOk(consumerTag);
  }

  @Override
  public void handleCancel(String consumerTag) throws IOException {
    delegate.handleCancel(consumerTag);
  }

  @Override
  public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
    delegate.handleShutdownSignal(consumerTag, signal);
  }

  @Override
  public void handleRecoverOk(String consumerTag) {
    delegate.handleRecoverOk(consumerTag);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
