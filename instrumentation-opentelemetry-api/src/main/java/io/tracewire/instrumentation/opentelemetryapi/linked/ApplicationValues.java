package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import java.util.Arrays;

/**
 * The values the application stored under its own context keys (not the span or the baggage),
 * kept in the agent context under one key. Immutable, like a context; small, so a linear search.
 * A context the application made without the bridge (the 1.0 API's own root) is kept whole as the
 * fallback for keys not set since.
 */
final class ApplicationValues {

  private static final io.opentelemetry.context.ContextKey<ApplicationValues> KEY =
      io.opentelemetry.context.ContextKey.named("tracewire-application-context");
  private static final ApplicationValues NONE = new ApplicationValues(new ContextKey<?>[0], new Object[0], null);

  private final ContextKey<?>[] keys;
  private final Object[] values;
  private final Context fallback;

  private ApplicationValues(ContextKey<?>[] keys, Object[] values, Context fallback) {
    this.keys = keys;
    this.values = values;
    this.fallback = fallback;
  }

  static ApplicationValues in(io.opentelemetry.context.Context agent) {
    ApplicationValues values = agent.get(KEY);
    return values != null ? values : NONE;
  }

  /** Values read through from a context the bridge did not make. */
  static ApplicationValues of(Context foreign) {
    return new ApplicationValues(new ContextKey<?>[0], new Object[0], foreign);
  }

  @SuppressWarnings("unchecked")
  <V> V get(ContextKey<V> key) {
    for (int i = keys.length - 1; i >= 0; i--) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return fallback != null ? fallback.get(key) : null;
  }

  <V> ApplicationValues with(ContextKey<V> key, V value) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        Object[] replaced = values.clone();
        replaced[i] = value;
        return new ApplicationValues(keys, replaced, fallback);
      }
    }
    ContextKey<?>[] moreKeys = Arrays.copyOf(keys, keys.length + 1);
    Object[] moreValues = Arrays.copyOf(values, values.length + 1);
    moreKeys[keys.length] = key;
    moreValues[values.length] = value;
    return new ApplicationValues(moreKeys, moreValues, fallback);
  }

  io.opentelemetry.context.Context storeIn(io.opentelemetry.context.Context agent) {
    return this == NONE ? agent : agent.with(KEY, this);
  }
}
