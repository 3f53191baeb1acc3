package io.tracewire.instrumentation.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The kind of span an instrumentation makes. While a span of one kind is current, nested calls of
 * the same kind (a pool proxy over a driver statement, {@code executeQuery} calling {@code
 * execute}, one HTTP client wrapping another, a servlet inside a container whose connector is
 * instrumented too) make no span of their own.
 */
public enum SpanKey {
  DB_CLIENT,
  HTTP_CLIENT,
  HTTP_SERVER,
  MESSAGING_PRODUCER,
  MESSAGING_CONSUMER,
  MESSAGING_RECEIVE,
  INTERNAL_METHOD;

  private final ContextKey<Span> contextKey = ContextKey.named("tracewire-" + name());

  /** Whether a span of this kind is already active in {@code context}. */
  public boolean isActiveIn(Context context) {
    return context.get(contextKey) != null;
  }

  /**
   * A context in which every kind counts as active: calls made in it (the agent's own export of
   * spans, for one) make no spans.
   */
  public static Context suppressAll(Context context) {
    Context result = context;
    for (SpanKey key : values()) {
      result = key.storeIn(result, Span.getInvalid());
    }
    return result;
  }

  /** {@code context} with {@code span} marked as the active span of this kind. */
  public Context storeIn(Context context, Span span) {
    return context.with(contextKey, span);
  }

  /** The span of this kind stored in {@code context}, or {@code null}. */
  public Span spanIn(Context context) {
    return context.get(contextKey);
  }
}
