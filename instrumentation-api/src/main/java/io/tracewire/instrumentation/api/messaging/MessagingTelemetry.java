package io.tracewire.instrumentation.api.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracewire.instrumentation.api.ContextPropagation;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanErrors;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Messaging spans for one library, in one place: span kind and name ({@code {operation name}
 * {destination}}), the attributes of the messaging conventions, propagation through message
 * headers, links and errors. The library's module supplies only a {@link
 * MessagingAttributesGetter}. Never makes anything current: the interceptor decides where a
 * returned context applies.
 */
public final class MessagingTelemetry<M> {

  private final Tracer tracer;
  private final ContextPropagation propagation;
  private final MessagingAttributesGetter<M> getter;
  private final boolean emitOldNames;

  private MessagingTelemetry(InstrumentationContext context, MessagingAttributesGetter<M> getter) {
    this.tracer = context.tracer();
    this.propagation = context.propagation();
    this.getter = getter;
    this.emitOldNames = context.config().semconvOptIn("messaging/dup");
  }

  public static <M> MessagingTelemetry<M> create(
      InstrumentationContext context, MessagingAttributesGetter<M> getter) {
    return new MessagingTelemetry<>(context, getter);
  }

  /**
   * Whether {@code operation} gets a span in {@code parent}: not when a span of its kind is already
   * active there (a channel wrapping another channel publishes once), nor in the agent's own work.
   */
  public boolean shouldStart(MessagingOperation operation, Context parent) {
    return !operation.key().isActiveIn(parent);
  }

  /** Starts the PRODUCER span of {@code message} as a child of {@code parent}. */
  public Context startSend(Context parent, M message) {
    return start(MessagingOperation.SEND, parent, message, List.of(), 0);
  }

  /** Writes {@code context} into the message's headers through the configured propagators. */
  public <C> void inject(Context context, C headers, TextMapSetter<C> setter) {
    propagation.inject(context, headers, setter);
  }

  /**
   * The producer's context read from a message's headers (on an empty context, so a message without
   * one has none, whatever is current where it is read).
   */
  public <C> Context extract(C headers, TextMapGetter<C> headerGetter) {
    return propagation.extract(Context.root(), headers, headerGetter);
  }

  /**
   * Starts the CONSUMER span of a delivered message: its parent is the producer's context from the
   * headers, and without one it is a root.
   */
  public <C> Context startProcess(M message, C headers, TextMapGetter<C> headerGetter) {
    return start(MessagingOperation.PROCESS, extract(headers, headerGetter), message, List.of(), 0);
  }

  /**
   * Starts one CONSUMER span for a batch of messages: a root, linked to each producer's context,
   * named after the first message's destination.
   */
  public Context startProcessBatch(M first, List<SpanContext> producers, int count) {
    return start(MessagingOperation.PROCESS, Context.root(), first, producers, count);
  }

  /**
   * Starts the CLIENT span of a pull as a child of {@code parent}; {@code request} names the
   * destination asked (the message is not known yet).
   */
  public Context startReceive(Context parent, M request) {
    return start(MessagingOperation.RECEIVE, parent, request, List.of(), 0);
  }

  /**
   * Ends a pull: with a message, its attributes are added (replacing the request's) and the
   * producer's context from its headers becomes a link; with none (an empty queue), the span ends
   * with no error.
   */
  public <C> void endReceive(
      Context context, M received, C headers, TextMapGetter<C> headerGetter, Throwable error) {
    Span span = Span.fromContext(context);
    if (received != null) {
      putAttributes(AttributeSink.of(span), received, getter.destinationName(received));
      SpanContext producer = Span.fromContext(extract(headers, headerGetter)).getSpanContext();
      if (producer.isValid()) {
        span.addLink(producer);
      }
    }
    end(context, error);
  }

  /** Ends the span held by {@code context}, recording {@code error} when there is one. */
  public void end(Context context, Throwable error) {
    Span span = Span.fromContext(context);
    if (error != null) {
      SpanErrors.record(span, error, UnaryOperator.identity());
    }
    span.end();
  }

  private Context start(
      MessagingOperation operation, Context parent, M message, List<SpanContext> links, int batchCount) {
    String operationName = getter.operationName(operation);
    String destination = getter.destinationName(message);
    SpanBuilder builder =
        tracer
            .spanBuilder(MessagingSpanNames.name(operationName, destination))
            .setSpanKind(operation.kind())
            .setParent(parent)
            .setAttribute(MessagingKeys.SYSTEM, getter.system())
            .setAttribute(MessagingKeys.OPERATION_TYPE, operation.type());
    putAttributes(AttributeSink.of(builder), message, destination);
    if (operationName != null) {
      builder.setAttribute(MessagingKeys.OPERATION_NAME, operationName);
    }
    if (emitOldNames) {
      builder.setAttribute(MessagingKeys.OLD_OPERATION, operation.oldName());
    }
    if (batchCount > 1) {
      builder.setAttribute(MessagingKeys.BATCH_MESSAGE_COUNT, (long) batchCount);
    }
    for (SpanContext link : links) {
      if (link.isValid()) {
        builder.addLink(link);
      }
    }
    Span span = builder.startSpan();
    return operation.key().storeIn(parent.with(span), span);
  }

  private void putAttributes(AttributeSink attributes, M message, String destination) {
    putIfKnown(attributes, MessagingKeys.DESTINATION_NAME, destination);
    putIfKnown(attributes, MessagingKeys.SUBSCRIPTION_NAME, getter.subscriptionName(message));
    putIfKnown(attributes, MessagingKeys.MESSAGE_ID, getter.messageId(message));
    putIfKnown(attributes, MessagingKeys.CONVERSATION_ID, getter.conversationId(message));
    long bodySize = getter.bodySize(message);
    if (bodySize >= 0) {
      attributes.put(MessagingKeys.BODY_SIZE, bodySize);
    }
    putIfKnown(attributes, SemanticKeys.SERVER_ADDRESS, getter.serverAddress(message));
    int port = getter.serverPort(message);
    if (port > 0) {
      attributes.put(SemanticKeys.SERVER_PORT, (long) port);
    }
    putIfKnown(attributes, MessagingKeys.NETWORK_PROTOCOL_NAME, getter.protocolName());
    getter.systemAttributes(message, attributes);
  }

  private static void putIfKnown(
      AttributeSink attributes, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
