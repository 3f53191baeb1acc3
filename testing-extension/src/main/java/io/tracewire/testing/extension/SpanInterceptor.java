package io.tracewire.testing.extension;

import io.opentelemetry.api.trace.Tracer;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SpanKey;

/** An INTERNAL span with a fixed name around the intercepted method. */
final class SpanInterceptor implements Interceptor {

  private final Tracer tracer;
  private final String spanName;

  SpanInterceptor(Tracer tracer, String spanName) {
    this.tracer = tracer;
    this.spanName = spanName;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return ActiveSpan.start(SpanKey.INTERNAL_METHOD, tracer.spanBuilder(spanName));
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    ((ActiveSpan) state).end(thrown);
  }
}
