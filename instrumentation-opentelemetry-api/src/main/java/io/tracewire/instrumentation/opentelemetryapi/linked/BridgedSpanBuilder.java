package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanBuilder;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** Builds an agent span; with no parent set, the current context is the parent, as in the SDK. */
final class BridgedSpanBuilder implements SpanBuilder {

  private final io.opentelemetry.api.trace.SpanBuilder agent;

  BridgedSpanBuilder(io.opentelemetry.api.trace.SpanBuilder agent) {
    this.agent = agent;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      agent.setParent(Bridging.toAgent(context));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    agent.setNoParent();
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    if (spanContext != null) {
      agent.addLink(Bridging.agentSpanContext(spanContext));
    }
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext != null) {
      agent.addLink(Bridging.agentSpanContext(spanContext), Bridging.agentAttributes(attributes));
    }
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<Object> agentKey = Bridging.agentKey(key);
    if (agentKey != null) {
      agent.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      agent.setSpanKind(io.opentelemetry.api.trace.SpanKind.valueOf(spanKind.name()));
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    agent.setStartTimestamp(startTimestamp, unit);
    return this;
  }

  @Override
  public Span startSpan() {
    return new BridgedSpan(agent.startSpan());
  }
}
