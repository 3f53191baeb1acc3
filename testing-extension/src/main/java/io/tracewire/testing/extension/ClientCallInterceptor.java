package io.tracewire.testing.extension;

import io.opentelemetry.api.trace.SpanKind;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.SpanKey;
import java.util.Map;

/** A CLIENT span named after the method; the trace context goes into the first argument, a header map. */
final class ClientCallInterceptor implements Interceptor {

  private final InstrumentationContext context;

  ClientCallInterceptor(InstrumentationContext context) {
    this.context = context;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object onEnter(Object self, Object[] args) {
    ActiveSpan span = ActiveSpan.start(SpanKey.INTERNAL_METHOD,
        context.tracer().spanBuilder("charge").setSpanKind(SpanKind.CLIENT));
    Map<String, String> headers = (Map<String, String>) args[0];
    context.propagation().inject(span.context(), headers, (carrier, key, value) -> carrier.put(key, value));
    return span;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    ((ActiveSpan) state).end(thrown);
  }
}
