package io.tracewire.instrumentation.httpclient.urlconnection;

import io.opentelemetry.context.Context;

/**
 * The span of one connection's request, across however many of its methods the application
 * calls. {@code depth} counts the intercepted calls in progress: they call each other ({@code
 * getInputStream} calls {@code connect}, and {@code getResponseCode} inside it calls {@code
 * getInputStream} again), and only the outermost one may end the span.
 */
final class ConnectionCall {

  final Context context;
  final UrlConnectionRequest request;
  private int depth;
  private boolean ended;

  ConnectionCall(Context context, UrlConnectionRequest request) {
    this.context = context;
    this.request = request;
  }

  /** Enters a call; {@code false} once the span has ended (nothing to do). */
  synchronized boolean enter() {
    if (ended) {
      return false;
    }
    depth++;
    return true;
  }

  /** Leaves a call; {@code true} when it was the outermost and the span should end now. */
  synchronized boolean leaveOutermost(boolean endNow) {
    depth--;
    if (depth == 0 && endNow && !ended) {
      ended = true;
      return true;
    }
    return false;
  }
}
