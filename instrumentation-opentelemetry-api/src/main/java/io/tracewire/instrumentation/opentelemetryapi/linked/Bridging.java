package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.baggage.BaggageBuilder;
import application.io.opentelemetry.api.baggage.BaggageEntryMetadata;
import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.api.trace.TraceStateBuilder;
import application.io.opentelemetry.context.Context;

/**
 * Converts between the application's API objects and the agent's: contexts, spans, span contexts,
 * attributes and baggage. Uses only what the 1.0 API has.
 */
final class Bridging {

  /**
   * A span of the application's that is not one of the agent's (its own SDK's, or {@code
   * Span.wrap}'s), with the agent span that stands for it in the agent's context.
   */
  private static final io.opentelemetry.context.ContextKey<ForeignSpan> FOREIGN_SPAN =
      io.opentelemetry.context.ContextKey.named("tracewire-application-span");

  private Bridging() {}

  /** The agent context an application context stands for. */
  static io.opentelemetry.context.Context toAgent(Context context) {
    if (context instanceof BridgedContext) {
      return ((BridgedContext) context).agent();
    }
    // A context the bridge did not make (the 1.0 API's own root, or the application's own
    // implementation): its span and baggage are carried over, its other keys are read through it.
    io.opentelemetry.context.Context agent =
        ApplicationValues.of(context).storeIn(io.opentelemetry.context.Context.root());
    Span span = context.get(ApplicationKeys.SPAN);
    if (span != null) {
      agent = withSpan(agent, span);
    }
    Baggage baggage = context.get(ApplicationKeys.BAGGAGE);
    if (baggage != null) {
      agent = agent.with(agentBaggage(baggage));
    }
    return agent;
  }

  /** {@code agent} with {@code span} current in it. */
  static io.opentelemetry.context.Context withSpan(io.opentelemetry.context.Context agent, Span span) {
    if (span instanceof BridgedSpan) {
      return agent.with(((BridgedSpan) span).agent());
    }
    io.opentelemetry.api.trace.Span standIn =
        io.opentelemetry.api.trace.Span.wrap(agentSpanContext(span.getSpanContext()));
    return agent.with(standIn).with(FOREIGN_SPAN, new ForeignSpan(span, standIn));
  }

  /** The application's view of the agent's current span, or {@code null} when there is none. */
  static Span applicationSpan(io.opentelemetry.context.Context agent) {
    io.opentelemetry.api.trace.Span span = io.opentelemetry.api.trace.Span.fromContextOrNull(agent);
    if (span == null) {
      return null;
    }
    ForeignSpan foreign = agent.get(FOREIGN_SPAN);
    // The application's own span, unless the agent made another span current since.
    return foreign != null && foreign.standIn == span ? foreign.span : new BridgedSpan(span);
  }

  static io.opentelemetry.api.trace.SpanContext agentSpanContext(SpanContext context) {
    io.opentelemetry.api.trace.TraceFlags flags =
        io.opentelemetry.api.trace.TraceFlags.fromByte(context.getTraceFlags().asByte());
    io.opentelemetry.api.trace.TraceState state = agentTraceState(context.getTraceState());
    return context.isRemote()
        ? io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
            context.getTraceId(), context.getSpanId(), flags, state)
        : io.opentelemetry.api.trace.SpanContext.create(context.getTraceId(), context.getSpanId(), flags, state);
  }

  /** Most spans carry no trace state: the default one then, without a builder per call. */
  private static io.opentelemetry.api.trace.TraceState agentTraceState(TraceState state) {
    if (state.isEmpty()) {
      return io.opentelemetry.api.trace.TraceState.getDefault();
    }
    io.opentelemetry.api.trace.TraceStateBuilder copy = io.opentelemetry.api.trace.TraceState.builder();
    state.forEach(copy::put);
    return copy.build();
  }

  static SpanContext applicationSpanContext(io.opentelemetry.api.trace.SpanContext context) {
    TraceFlags flags = TraceFlags.fromByte(context.getTraceFlags().asByte());
    TraceState state = applicationTraceState(context.getTraceState());
    return context.isRemote()
        ? SpanContext.createFromRemoteParent(context.getTraceId(), context.getSpanId(), flags, state)
        : SpanContext.create(context.getTraceId(), context.getSpanId(), flags, state);
  }

  private static TraceState applicationTraceState(io.opentelemetry.api.trace.TraceState state) {
    if (state.isEmpty()) {
      return TraceState.getDefault();
    }
    TraceStateBuilder copy = TraceState.builder();
    state.forEach(copy::put);
    return copy.build();
  }

  static io.opentelemetry.api.common.Attributes agentAttributes(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return io.opentelemetry.api.common.Attributes.empty();
    }
    io.opentelemetry.api.common.AttributesBuilder agent = io.opentelemetry.api.common.Attributes.builder();
    attributes.forEach(
        (key, value) -> {
          io.opentelemetry.api.common.AttributeKey<Object> agentKey = agentKey(key);
          if (agentKey != null) {
            agent.put(agentKey, value);
          }
        });
    return agent.build();
  }

  /**
   * The agent's key of the same name and type, or {@code null} for a type the agent does not take
   * from the application (structured values of newer APIs). Typed as {@code Object} so a value of
   * the application's key can be put under it.
   */
  @SuppressWarnings("unchecked")
  static io.opentelemetry.api.common.AttributeKey<Object> agentKey(AttributeKey<?> key) {
    return key == null ? null : (io.opentelemetry.api.common.AttributeKey<Object>) agentKeyOfType(key);
  }

  private static io.opentelemetry.api.common.AttributeKey<?> agentKeyOfType(AttributeKey<?> key) {
    String name = key.getKey();
    // By name: an enum switch would tie this class to the constants of one API version.
    switch (key.getType().name()) {
      case "STRING":
        return io.opentelemetry.api.common.AttributeKey.stringKey(name);
      case "BOOLEAN":
        return io.opentelemetry.api.common.AttributeKey.booleanKey(name);
      case "LONG":
        return io.opentelemetry.api.common.AttributeKey.longKey(name);
      case "DOUBLE":
        return io.opentelemetry.api.common.AttributeKey.doubleKey(name);
      case "STRING_ARRAY":
        return io.opentelemetry.api.common.AttributeKey.stringArrayKey(name);
      case "BOOLEAN_ARRAY":
        return io.opentelemetry.api.common.AttributeKey.booleanArrayKey(name);
      case "LONG_ARRAY":
        return io.opentelemetry.api.common.AttributeKey.longArrayKey(name);
      case "DOUBLE_ARRAY":
        return io.opentelemetry.api.common.AttributeKey.doubleArrayKey(name);
      default:
        return null;
    }
  }

  /** The application's view of the agent's baggage, or {@code null} when there is none. */
  static Baggage applicationBaggage(io.opentelemetry.context.Context agent) {
    io.opentelemetry.api.baggage.Baggage baggage =
        io.opentelemetry.api.baggage.Baggage.fromContextOrNull(agent);
    if (baggage == null) {
      return null;
    }
    BaggageBuilder builder = Baggage.builder();
    baggage.forEach(
        (key, entry) ->
            builder.put(key, entry.getValue(), BaggageEntryMetadata.create(entry.getMetadata().getValue())));
    return builder.build();
  }

  static io.opentelemetry.api.baggage.Baggage agentBaggage(Baggage baggage) {
    io.opentelemetry.api.baggage.BaggageBuilder builder = io.opentelemetry.api.baggage.Baggage.builder();
    baggage.forEach(
        (key, entry) ->
            builder.put(
                key,
                entry.getValue(),
                io.opentelemetry.api.baggage.BaggageEntryMetadata.create(entry.getMetadata().getValue())));
    return builder.build();
  }

  private static final class ForeignSpan {
    final Span span;
    final io.opentelemetry.api.trace.Span standIn;

    ForeignSpan(Span span, io.opentelemetry.api.trace.Span standIn) {
      this.span = span;
      this.standIn = standIn;
    }
  }
}
