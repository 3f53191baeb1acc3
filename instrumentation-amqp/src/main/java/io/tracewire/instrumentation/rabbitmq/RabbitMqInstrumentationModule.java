package io.tracewire.instrumentation.rabbitmq;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.declaresMethod;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isInterface;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isSubtypeOf;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.not;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import java.util.List;
import java.util.Set;

/**
 * The RabbitMQ Java client 5.x ({@code com.rabbitmq:amqp-client}):
 *
 * <ul>
 *   <li>every {@code Channel.basicPublish} overload: a PRODUCER span, and its context in the
 *       message's headers (the immutable properties argument is replaced by a copy with them);
 *   <li>{@code Channel.basicGet}: a CLIENT {@code receive} span, linked to the producer;
 *   <li>every {@code Consumer} given to {@code basicConsume}: wrapped, so each delivery its {@code
 *       handleDelivery} gets is a CONSUMER span, the child of the producer, current while it runs.
 * </ul>
 *
 * Publish and pull are woven on every channel class (the client's, its recovering wrapper, Spring
 * AMQP's confirm-tracking one) and the outermost call makes the span. Consumers are wrapped where
 * the client registers them with the broker, {@code ChannelN}, whichever wrapper channel the
 * application used. The interceptors link against the client's classes, so they live in the
 * {@code linked} package.
 */
public final class RabbitMqInstrumentationModule implements InstrumentationModule {

  private static final String CHANNEL = "com.rabbitmq.client.Channel";
  private static final String PROPERTIES = "com.rabbitmq.client.AMQP$BasicProperties";
  private static final String LINKED = "io.tracewire.instrumentation.rabbitmq.linked.";

  private static volatile MessagingTelemetry<RabbitMessage> telemetry;

  @Override
  public String name() {
    return "rabbitmq";
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of("basicPublish", "basicGet", "basicConsume");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    telemetry = MessagingTelemetry.create(context, new RabbitAttributes());
    MethodMatcher publish = isPublic().and(named("basicPublish"));
    MethodMatcher get =
        isPublic().and(named("basicGet")).and(takesArguments(2)).and(takesArgument(0, "java.lang.String"));
    TypeMatcher channels = not(isInterface()).and(isSubtypeOf(CHANNEL));
    return List.of(
        TypeInstrumentation.forTypes(declaresMethod(publish.or(get)).and(channels))
            .notInBootLoader()
            // (exchange, routingKey, props, body)
            .intercept(publishWithPropertiesAt(publish.and(takesArguments(4)), 2))
            // (exchange, routingKey, mandatory, props, body)
            .intercept(publishWithPropertiesAt(publish.and(takesArguments(5)), 3))
            // (exchange, routingKey, mandatory, immediate, props, body)
            .intercept(publishWithPropertiesAt(publish.and(takesArguments(6)), 4))
            // (exchange, routingKey, mandatory, immediate, props, ByteBuffer body, WriteListener)
            .intercept(publishWithPropertiesAt(publish.and(takesArguments(7)), 4))
            .intercept(MethodInterception.linked(get, LINKED + "GetInterceptor"))
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named("com.rabbitmq.client.impl.ChannelN"))
            .notInBootLoader()
            .intercept(
                MethodInterception.linked(
                        isPublic()
                            .and(named("basicConsume"))
                            .and(takesArguments(7))
                            .and(takesArgument(6, "com.rabbitmq.client.Consumer")),
                        LINKED + "ConsumeInterceptor")
                    .replacingArgument(6)
                    .withoutExit())
            .build());
  }

  private static MethodInterception publishWithPropertiesAt(MethodMatcher overload, int index) {
    return MethodInterception.linked(overload.and(takesArgument(index, PROPERTIES)), LINKED + "PublishInterceptor")
        .replacingArgument(index);
  }

  /** The telemetry, for the linked interceptors; {@code null} before the module was set up. */
  public static MessagingTelemetry<RabbitMessage> telemetry() {
    return telemetry;
  }
}
