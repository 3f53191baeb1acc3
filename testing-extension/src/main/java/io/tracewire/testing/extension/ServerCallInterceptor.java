package io.tracewire.testing.extension;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.SpanKey;
import java.util.Map;

/** A SERVER span whose parent is the trace context in the first argument, the received header map. */
final class ServerCallInterceptor implements Interceptor {

  private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final InstrumentationContext context;

  ServerCallInterceptor(InstrumentationContext context) {
    this.context = context;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object onEnter(Object self, Object[] args) {
    Context parent = context.propagation().extract(Context.root(), (Map<String, String>) args[0], HEADERS);
    return ActiveSpan.start(SpanKey.INTERNAL_METHOD,
        context.tracer().spanBuilder("charge").setSpanKind(SpanKind.SERVER), parent);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    ((ActiveSpan) state).end(thrown);
  }
}
