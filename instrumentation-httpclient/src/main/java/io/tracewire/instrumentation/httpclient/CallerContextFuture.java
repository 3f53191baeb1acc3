package io.tracewire.instrumentation.httpclient;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The future an asynchronous client call returns to the application, in place of the library's.
 * It completes with the library future's outcome, in the context that was current when the call
 * was made: stages the application chains on it ({@code thenApply}, {@code whenComplete}, ...)
 * run as children of the caller's span, never of the client span, and never context-free on the
 * library's threads. Cancelling it cancels the library's future, as cancelling that one would.
 */
public final class CallerContextFuture<T> extends CompletableFuture<T> {

  private final CompletableFuture<T> original;

  private CallerContextFuture(CompletableFuture<T> original) {
    this.original = original;
  }

  /**
   * Wraps {@code original}; {@code onOutcome} runs first when it completes (it ends the client
   * span), then this future completes in {@code caller}.
   */
  public static <T> CompletableFuture<T> wrap(
      CompletableFuture<T> original, Context caller, BiConsumer<? super T, Throwable> onOutcome) {
    CallerContextFuture<T> result = new CallerContextFuture<>(original);
    original.whenComplete(
        (value, error) -> {
          try {
            onOutcome.accept(value, error);
          } catch (Throwable ignored) {
            // Telemetry never changes the application's outcome.
          }
          try (Scope ignored = caller.makeCurrent()) {
            if (error != null) {
              result.completeExceptionally(error);
            } else {
              result.complete(value);
            }
          }
        });
    return result;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    original.cancel(mayInterruptIfRunning);
    return cancelled;
  }
}
