package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;

/**
 * An application context that is a view of an agent context. The span and the baggage are the
 * agent's own (converted on the way in and out); every other application key lives in the agent
 * context too, under one agent key ({@link ApplicationValues}), so it travels wherever the agent
 * carries the context (executors, async callbacks).
 */
final class BridgedContext implements Context {

  private final io.opentelemetry.context.Context agent;

  BridgedContext(io.opentelemetry.context.Context agent) {
    this.agent = agent;
  }

  io.opentelemetry.context.Context agent() {
    return agent;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (key == ApplicationKeys.SPAN) {
      return (V) Bridging.applicationSpan(agent);
    }
    if (key == ApplicationKeys.BAGGAGE) {
      return (V) Bridging.applicationBaggage(agent);
    }
    return ApplicationValues.in(agent).get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    if (key == ApplicationKeys.SPAN && value instanceof Span) {
      return new BridgedContext(Bridging.withSpan(agent, (Span) value));
    }
    if (key == ApplicationKeys.BAGGAGE && value instanceof Baggage) {
      return new BridgedContext(agent.with(Bridging.agentBaggage((Baggage) value)));
    }
    return new BridgedContext(ApplicationValues.in(agent).with(key, value).storeIn(agent));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BridgedContext && ((BridgedContext) other).agent == agent;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(agent);
  }

  @Override
  public String toString() {
    return "BridgedContext{" + agent + "}";
  }
}
