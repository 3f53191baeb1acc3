package io.tracewire.agent.sdk;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;

/**
 * Copies the baggage entries named in {@code otel.instrumentation.baggage.attributes} (e.g.
 * {@code user.id,order.id}) onto every span started where they are in context, so business
 * context reaches every span of a request without code.
 *
 * <p>Baggage extracted from an incoming request comes from whoever sent it, so each value copied is
 * cut to {@value #MAX_VALUE_LENGTH} characters: a caller cannot make every span of the process
 * carry a large value.
 */
final class BaggageAttributesSpanProcessor implements SpanProcessor {

  static final int MAX_VALUE_LENGTH = 256;

  private final List<String> keys;

  BaggageAttributesSpanProcessor(List<String> keys) {
    this.keys = List.copyOf(keys);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    Baggage baggage = Baggage.fromContextOrNull(parentContext);
    if (baggage == null) {
      return;
    }
    for (String key : keys) {
      String value = baggage.getEntryValue(key);
      if (value != null) {
        span.setAttribute(
            key, value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value);
      }
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }
}
