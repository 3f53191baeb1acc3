package io.tracewire.testing.extension;

import io.opentelemetry.api.trace.Tracer;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SpanKey;

/** An INTERNAL span named {@code <prefix> <first argument>}, so scenarios can label their work. */
final class LabelledSpanInterceptor implements Interceptor {

  private final Tracer tracer;
  private final String prefix;

  LabelledSpanInterceptor(Tracer tracer, String prefix) {
    this.tracer = tracer;
    this.prefix = prefix;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return ActiveSpan.start(SpanKey.INTERNAL_METHOD, tracer.spanBuilder(prefix + " " + args[0]));
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    ((ActiveSpan) state).end(thrown);
  }
}
