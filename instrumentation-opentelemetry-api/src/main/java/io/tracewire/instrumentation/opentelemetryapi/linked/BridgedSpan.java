package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/** An agent span as the application sees it: every call goes to the agent's span. */
final class BridgedSpan implements Span {

  private final io.opentelemetry.api.trace.Span agent;

  BridgedSpan(io.opentelemetry.api.trace.Span agent) {
    this.agent = agent;
  }

  io.opentelemetry.api.trace.Span agent() {
    return agent;
  }

  @Override
  public Span setAttribute(String key, String value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    agent.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<Object> agentKey = Bridging.agentKey(key);
    if (agentKey != null) {
      agent.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    agent.addEvent(name, Bridging.agentAttributes(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    agent.addEvent(name, Bridging.agentAttributes(attributes), timestamp, unit);
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (statusCode != null) {
      agent.setStatus(io.opentelemetry.api.trace.StatusCode.valueOf(statusCode.name()), description);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    agent.recordException(exception, Bridging.agentAttributes(additionalAttributes));
    return this;
  }

  @Override
  public Span updateName(String name) {
    agent.updateName(name);
    return this;
  }

  /** From API 1.37 on; older APIs have no such method and never call it. */
  @Override
  public Span addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext != null) {
      agent.addLink(Bridging.agentSpanContext(spanContext), Bridging.agentAttributes(attributes));
    }
    return this;
  }

  @Override
  public void end() {
    agent.end();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    agent.end(timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    return Bridging.applicationSpanContext(agent.getSpanContext());
  }

  @Override
  public boolean isRecording() {
    return agent.isRecording();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BridgedSpan && ((BridgedSpan) other).agent == agent;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(agent);
  }

  @Override
  public String toString() {
    return "BridgedSpan{" + agent + "}";
  }
}
