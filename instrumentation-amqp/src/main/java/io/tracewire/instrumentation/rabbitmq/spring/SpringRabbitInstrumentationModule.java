package io.tracewire.instrumentation.rabbitmq.spring;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import io.tracewire.instrumentation.rabbitmq.RabbitAttributes;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import java.util.List;
import java.util.Set;

/**
 * Spring AMQP's listener containers ({@code SimpleMessageListenerContainer}, {@code
 * DirectMessageListenerContainer}, and so {@code @RabbitListener}): the CONSUMER span is made
 * around {@code AbstractMessageListenerContainer.executeListener(Channel, data)}, where a message
 * (or a batch) reaches the application's listener, on the thread that runs it.
 *
 * <p>The simple container's RabbitMQ consumer only queues deliveries for the container's own
 * threads, so a span in its {@code handleDelivery} would end before the listener starts: the
 * {@code rabbitmq} instrumentation leaves that consumer alone while this one is on. The direct
 * container runs the listener inside {@code handleDelivery}: the client's CONSUMER span is then
 * current and this instrumentation makes none. Publishing ({@code RabbitTemplate}) needs nothing
 * here: it ends in {@code Channel.basicPublish}.
 */
public final class SpringRabbitInstrumentationModule implements InstrumentationModule {

  private static volatile MessagingTelemetry<RabbitMessage> telemetry;

  @Override
  public String name() {
    return "spring-rabbit";
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of("executeListener");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    telemetry = MessagingTelemetry.create(context, new RabbitAttributes());
    return List.of(
        TypeInstrumentation.forTypes(
                TypeMatcher.named("org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer"))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(
                    named("executeListener")
                        .and(takesArguments(2))
                        .and(takesArgument(0, "com.rabbitmq.client.Channel")),
                    "io.tracewire.instrumentation.rabbitmq.linked.SpringListenerInterceptor"))
            .build());
  }

  /** The telemetry, for the linked interceptor; {@code null} before the module was set up. */
  public static MessagingTelemetry<RabbitMessage> telemetry() {
    return telemetry;
  }
}
