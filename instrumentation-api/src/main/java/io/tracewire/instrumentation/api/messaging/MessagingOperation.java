package io.tracewire.instrumentation.api.messaging;

import io.opentelemetry.api.trace.SpanKind;
import io.tracewire.instrumentation.api.SpanKey;

/** What a messaging span describes: its operation type, span kind and nesting key. */
public enum MessagingOperation {
  /** A message handed to the broker: a PRODUCER span. */
  SEND("send", "publish", SpanKind.PRODUCER, SpanKey.MESSAGING_PRODUCER),
  /** A message asked for by the application (a pull): a CLIENT span. */
  RECEIVE("receive", "receive", SpanKind.CLIENT, SpanKey.MESSAGING_RECEIVE),
  /** A delivered message handled by the application: a CONSUMER span. */
  PROCESS("process", "process", SpanKind.CONSUMER, SpanKey.MESSAGING_CONSUMER);

  private final String type;
  private final String oldName;
  private final SpanKind kind;
  private final SpanKey key;

  MessagingOperation(String type, String oldName, SpanKind kind, SpanKey key) {
    this.type = type;
    this.oldName = oldName;
    this.kind = kind;
    this.key = key;
  }

  /** The value of {@code messaging.operation.type}. */
  public String type() {
    return type;
  }

  /** The value of the older {@code messaging.operation}. */
  String oldName() {
    return oldName;
  }

  public SpanKind kind() {
    return kind;
  }

  /** Marks the span in its context: a nested operation of the same kind makes no span. */
  public SpanKey key() {
    return key;
  }
}
