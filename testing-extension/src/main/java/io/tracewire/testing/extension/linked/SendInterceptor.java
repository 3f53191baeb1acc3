package io.tracewire.testing.extension.linked;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SpanKey;
import io.tracewire.testing.extension.SelfTestSupport;
import io.tracewire.testing.library.Message;

/**
 * A PRODUCER-like span around {@code Pipeline.send}; the immutable message is replaced by a copy
 * carrying the span's context in its headers.
 */
public final class SendInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    ActiveSpan span =
        ActiveSpan.start(
            SpanKey.MESSAGING_PRODUCER,
            SelfTestSupport.tracer().spanBuilder("selftest send").setSpanKind(SpanKind.PRODUCER));
    Message[] message = {(Message) args[0]};
    SelfTestSupport.propagation()
        .inject(Context.current(), message, (carrier, key, value) -> carrier[0] = carrier[0].withHeader(key, value));
    args[0] = message[0];
    return span;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    ((ActiveSpan) state).end(thrown);
  }
}
