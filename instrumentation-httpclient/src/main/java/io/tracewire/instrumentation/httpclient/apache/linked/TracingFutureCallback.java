package io.tracewire.instrumentation.httpclient.apache.linked;

import io.opentelemetry.context.Scope;
import java.util.concurrent.CancellationException;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * Ends the span with the outcome, then tells the application's callback (if it gave one) in the
 * context it called the client in.
 */
final class TracingFutureCallback<T> implements FutureCallback<T> {

  private final FutureCallback<T> delegate;
  private final AsyncExchange exchange;

  TracingFutureCallback(FutureCallback<T> delegate, AsyncExchange exchange) {
    this.delegate = delegate;
    this.exchange = exchange;
  }

  @Override
  public void completed(T result) {
    end(null);
    if (delegate != null) {
      try (Scope ignored = exchange.caller.makeCurrent()) {
        delegate.completed(result);
      }
    }
  }

  @Override
  public void failed(Exception cause) {
    end(cause);
    if (delegate != null) {
      try (Scope ignored = exchange.caller.makeCurrent()) {
        delegate.failed(cause);
      }
    }
  }

  @Override
  public void cancelled() {
    end(new CancellationException());
    if (delegate != null) {
      try (Scope ignored = exchange.caller.makeCurrent()) {
        delegate.cancelled();
      }
    }
  }

  private void end(Throwable error) {
    try {
      exchange.end(error);
    } catch (RuntimeException | LinkageError ignored) {
      // Telemetry never changes the call's outcome.
    }
  }
}
