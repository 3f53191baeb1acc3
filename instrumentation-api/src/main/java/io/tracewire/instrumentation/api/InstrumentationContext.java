package io.tracewire.instrumentation.api;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/** What the agent hands to a module when it builds its instrumentations. */
public interface InstrumentationContext {

  /** The agent's own OpenTelemetry instance (relocated; never the application's). */
  OpenTelemetry openTelemetry();

  /** A tracer whose instrumentation scope is {@code io.tracewire.<module name>}. */
  Tracer tracer();

  /** Reads and injects context through the configured propagators. */
  ContextPropagation propagation();

  InstrumentationConfig config();

  /** Logs only when {@code otel.javaagent.debug=true}. */
  void debug(String message);
}
