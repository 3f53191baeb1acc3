package io.tracewire.agent.sdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.instrumentation.api.SpanKey;

/**
 * Runs the agent's own export calls so that they never produce spans of their own, nor carry the
 * application's context: woven code they pass through (sockets, executors, HTTP clients of the
 * JDK) dispatches to no interceptor, and, should an interceptor run all the same, every span kind
 * counts as active.
 */
final class ExportSuppression {

  private ExportSuppression() {}

  static Runnable wrap(Runnable export) {
    return () -> {
      try (Scope ignored = SpanKey.suppressAll(Context.root()).makeCurrent()) {
        AdviceDispatcher.silently(export);
      }
    };
  }
}
