package io.tracewire.testing.library;

import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable message with headers, like an HTTP request or AMQP properties object. */
public final class Message {

  private final String body;
  private final Map<String, String> headers;

  public Message(String body) {
    this(body, Map.of());
  }

  private Message(String body, Map<String, String> headers) {
    this.body = body;
    this.headers = Map.copyOf(headers);
  }

  /** A copy with one more header. */
  public Message withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Message(body, copy);
  }

  public String body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
