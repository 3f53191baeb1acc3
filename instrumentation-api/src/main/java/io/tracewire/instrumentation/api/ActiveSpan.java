package io.tracewire.instrumentation.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.function.UnaryOperator;

/**
 * A span started by an interceptor's enter and made current until its exit, on the same thread.
 * It is the state an {@link io.tracewire.bootstrap.Interceptor} hands from enter to exit.
 */
public final class ActiveSpan {

  private final Span span;
  private final Context context;
  private final Scope scope;

  private ActiveSpan(Span span, Context context, Scope scope) {
    this.span = span;
    this.context = context;
    this.scope = scope;
  }

  /** Whether a span of {@code key}'s kind is current, so a nested call should make none. */
  public static boolean isSuppressed(SpanKey key) {
    return key.isActiveIn(Context.current());
  }

  /** Starts the span as a child of the current context and makes it current. */
  public static ActiveSpan start(SpanKey key, SpanBuilder builder) {
    return start(key, builder, Context.current());
  }

  /** Starts the span as a child of {@code parent} and makes it current. */
  public static ActiveSpan start(SpanKey key, SpanBuilder builder, Context parent) {
    Span span = builder.setParent(parent).startSpan();
    Context context = key.storeIn(parent.with(span), span);
    return new ActiveSpan(span, context, context.makeCurrent());
  }

  public Span span() {
    return span;
  }

  public Context context() {
    return context;
  }

  /** Ends the span, recording {@code error} when there is one. */
  public void end(Throwable error) {
    end(error, UnaryOperator.identity());
  }

  /**
   * Ends the span; an error's message passes through {@code messageSanitizer} before it is
   * recorded (drivers echo SQL, literals included, in their messages).
   */
  public void end(Throwable error, UnaryOperator<String> messageSanitizer) {
    try {
      if (error != null) {
        SpanErrors.record(span, error, messageSanitizer);
      }
    } finally {
      scope.close();
      span.end();
    }
  }
}
