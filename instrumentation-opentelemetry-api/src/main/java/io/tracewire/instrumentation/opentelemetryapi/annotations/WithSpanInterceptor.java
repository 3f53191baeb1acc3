package io.tracewire.instrumentation.opentelemetryapi.annotations;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanErrors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * The span of one {@code @WithSpan} method: current while the method runs; ended when it returns
 * or throws, or, for a method that returns a future, when that future completes.
 */
final class WithSpanInterceptor implements Interceptor {

  private final Tracer tracer;
  private final WithSpanSettings settings;

  WithSpanInterceptor(Tracer tracer, WithSpanSettings settings) {
    this.tracer = tracer;
    this.settings = settings;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    Context parent = settings.inheritContext() ? Context.current() : Context.root();
    SpanBuilder builder =
        tracer
            .spanBuilder(settings.spanName())
            .setSpanKind(settings.kind())
            .setParent(parent)
            .setAttribute(SemanticKeys.CODE_FUNCTION_NAME, settings.functionName());
    for (ParameterAttribute attribute : settings.attributes()) {
      attribute.putOn(builder, args);
    }
    Span span = builder.startSpan();
    return new Running(span, parent.with(span).makeCurrent());
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (!(state instanceof Running)) {
      return;
    }
    Running running = (Running) state;
    running.scope.close();
    if (thrown == null && settings.async() && returned instanceof CompletionStage) {
      ((CompletionStage<?>) returned).whenComplete((result, error) -> end(running.span, unwrap(error)));
    } else {
      end(running.span, thrown);
    }
  }

  private static void end(Span span, Throwable error) {
    try {
      if (error != null) {
        SpanErrors.record(span, error, UnaryOperator.identity());
      }
    } finally {
      span.end();
    }
  }

  /** A future's failure as the method's own code threw it. */
  private static Throwable unwrap(Throwable error) {
    if ((error instanceof CompletionException || error instanceof ExecutionException)
        && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }

  private static final class Running {
    final Span span;
    final Scope scope;

    Running(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }
  }
}
