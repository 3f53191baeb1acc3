package io.tracewire.instrumentation.api.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageHeadersTest {

  /** Stands in for a header value type whose text is its toString, like the AMQP client's LongString. */
  private static final class TextValue {
    private final String text;

    TextValue(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  @Test
  void readsStringsTextValuesAndUtf8Bytes() {
    Map<String, Object> headers = new HashMap<>();
    headers.put("a", "plain");
    headers.put("b", new TextValue("long string"));
    headers.put("c", "bytes".getBytes(StandardCharsets.UTF_8));
    assertEquals("plain", MessageHeaders.INSTANCE.get(headers, "a"));
    assertEquals("long string", MessageHeaders.INSTANCE.get(headers, "b"));
    assertEquals("bytes", MessageHeaders.INSTANCE.get(headers, "c"));
    assertNull(MessageHeaders.INSTANCE.get(headers, "missing"));
    assertNull(MessageHeaders.INSTANCE.get(null, "a"));
  }

  @Test
  void writesPlainStrings() {
    Map<String, Object> headers = new HashMap<>();
    MessageHeaders.INSTANCE.set(headers, "traceparent", "00-x-y-01");
    assertEquals("00-x-y-01", headers.get("traceparent"));
    MessageHeaders.INSTANCE.set(null, "traceparent", "ignored");
  }
}
