package io.tracewire.instrumentation.api.messaging;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Message headers as a propagation carrier: a {@code Map<String, Object>}, the shape of AMQP's
 * header table (and of Spring AMQP's message properties, JMS-like maps). Values are written as
 * plain strings, the form the OpenTelemetry agent writes and reads ({@code traceparent} as a
 * string entry); read from any value whose text is the header (a string, the AMQP client's {@code
 * LongString}, UTF-8 bytes).
 */
public final class MessageHeaders
    implements TextMapGetter<Map<String, Object>>, TextMapSetter<Map<String, Object>> {

  public static final MessageHeaders INSTANCE = new MessageHeaders();

  private MessageHeaders() {}

  @Override
  public Iterable<String> keys(Map<String, Object> carrier) {
    return carrier == null ? java.util.Collections.emptyList() : carrier.keySet();
  }

  @Override
  public String get(Map<String, Object> carrier, String key) {
    if (carrier == null) {
      return null;
    }
    Object value = carrier.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof byte[]) {
      return new String((byte[]) value, StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  @Override
  public void set(Map<String, Object> carrier, String key, String value) {
    if (carrier != null) {
      carrier.put(key, value);
    }
  }
}
