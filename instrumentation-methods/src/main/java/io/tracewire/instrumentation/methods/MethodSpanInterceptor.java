package io.tracewire.instrumentation.methods;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanKey;

/** An INTERNAL span named {@code Class.method} around one configured method. */
final class MethodSpanInterceptor implements Interceptor {

  private final Tracer tracer;
  private final String spanName;
  private final String functionName;

  MethodSpanInterceptor(Tracer tracer, String className, String methodName) {
    this.tracer = tracer;
    this.spanName = className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    this.functionName = className + "." + methodName;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return ActiveSpan.start(
        SpanKey.INTERNAL_METHOD,
        tracer
            .spanBuilder(spanName)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(SemanticKeys.CODE_FUNCTION_NAME, functionName));
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof ActiveSpan) {
      ((ActiveSpan) state).end(thrown);
    }
  }
}
