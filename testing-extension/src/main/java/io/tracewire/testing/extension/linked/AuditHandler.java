package io.tracewire.testing.extension.linked;

import io.tracewire.testing.library.Handler;
import io.tracewire.testing.library.Message;

/** A library type implemented by agent code: reports the trace header the message carries. */
public final class AuditHandler implements Handler {
  @Override
  public String handle(Message message) {
    return "audited traceparent=" + message.headers().get("traceparent");
  }
}
