package io.tracewire.agent.sdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.instrumentation.api.SpanKey;

/**
 * Runs the agent's own export calls with every client span kind marked active, so that once HTTP
 * clients are instrumented the export of spans never produces spans of its own.
 */
final class ExportSuppression {

  private ExportSuppression() {}

  static Runnable wrap(Runnable export) {
    return () -> {
      try (Scope ignored = SpanKey.suppressAll(Context.root()).makeCurrent()) {
        export.run();
      }
    };
  }
}
