package io.tracewire.instrumentation.api.messaging;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A messaging span an interceptor's entry made current on its thread (so nested calls of the same
 * kind make none), handed to its exit as state.
 */
public final class CurrentMessagingSpan<M> {

  private final MessagingTelemetry<M> telemetry;
  private final Context context;
  private final Scope scope;

  private CurrentMessagingSpan(MessagingTelemetry<M> telemetry, Context context) {
    this.telemetry = telemetry;
    this.context = context;
    this.scope = context.makeCurrent();
  }

  /** Makes {@code context}, as {@code telemetry} started it, current. */
  public static <M> CurrentMessagingSpan<M> enter(MessagingTelemetry<M> telemetry, Context context) {
    return new CurrentMessagingSpan<>(telemetry, context);
  }

  public MessagingTelemetry<M> telemetry() {
    return telemetry;
  }

  public Context context() {
    return context;
  }

  /** Restores what was current before; the span itself stays open. */
  public void leave() {
    scope.close();
  }

  /** Restores what was current before and ends the span, recording {@code error} if any. */
  public void exit(Throwable error) {
    scope.close();
    telemetry.end(context, error);
  }
}
