package io.tracewire.instrumentation.api.messaging;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;

/**
 * Where a message's attributes go: straight onto the span being started, or onto a running span
 * (a pull that found its message). Writing them there, rather than into an {@code Attributes}
 * first, spares a sorted copy per message.
 */
public interface AttributeSink {

  <T> void put(AttributeKey<T> key, T value);

  static AttributeSink of(SpanBuilder builder) {
    return new AttributeSink() {
      @Override
      public <T> void put(AttributeKey<T> key, T value) {
        builder.setAttribute(key, value);
      }
    };
  }

  static AttributeSink of(Span span) {
    return new AttributeSink() {
      @Override
      public <T> void put(AttributeKey<T> key, T value) {
        span.setAttribute(key, value);
      }
    };
  }
}
