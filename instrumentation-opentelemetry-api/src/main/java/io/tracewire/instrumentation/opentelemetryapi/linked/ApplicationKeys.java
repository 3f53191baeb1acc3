package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import application.io.opentelemetry.context.ImplicitContextKeyed;

/**
 * The keys under which the application's API keeps the span and the baggage in a context. They are
 * package-private in the API; a span and a baggage, asked to store themselves in a probe context,
 * name them, the same way in every 1.x version.
 */
final class ApplicationKeys {

  static final ContextKey<Span> SPAN = keyOf(Span.getInvalid());
  static final ContextKey<Baggage> BAGGAGE = keyOf(Baggage.empty());

  private ApplicationKeys() {}

  @SuppressWarnings("unchecked")
  private static <V> ContextKey<V> keyOf(ImplicitContextKeyed value) {
    KeyProbe probe = new KeyProbe();
    value.storeInContext(probe);
    return (ContextKey<V>) probe.key;
  }

  /** A context that only remembers the key it was given. */
  private static final class KeyProbe implements Context {
    private ContextKey<?> key;

    @Override
    public <V> V get(ContextKey<V> key) {
      return null;
    }

    @Override
    public <V> Context with(ContextKey<V> key, V value) {
      this.key = key;
      return this;
    }
  }
}
