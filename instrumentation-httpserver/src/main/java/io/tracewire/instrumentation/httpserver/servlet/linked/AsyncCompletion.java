package io.tracewire.instrumentation.httpserver.servlet.linked;

import io.opentelemetry.context.Context;
import io.tracewire.instrumentation.api.http.HttpServerTelemetry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the span of a request that went asynchronous ({@code startAsync}) when its response
 * completes, not when the servlet returns. The container defers a {@code complete()} called while
 * the servlet is still running until it has returned, so a listener added on the way out never
 * misses the completion.
 */
final class AsyncCompletion implements AsyncListener {

  private final HttpServerTelemetry<HttpServletRequest, ServletResponseView> telemetry;
  private final Context context;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Throwable error;

  private AsyncCompletion(
      HttpServerTelemetry<HttpServletRequest, ServletResponseView> telemetry,
      Context context,
      HttpServletRequest request,
      HttpServletResponse response) {
    this.telemetry = telemetry;
    this.context = context;
    this.request = request;
    this.response = response;
  }

  /**
   * When the request went asynchronous, arranges for its span to end on completion and returns
   * {@code true}; otherwise (or if the container refuses the listener) {@code false}: the caller
   * ends the span now.
   */
  static boolean endOnCompletion(
      HttpServerTelemetry<HttpServletRequest, ServletResponseView> telemetry,
      Context context,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      if (!request.isAsyncStarted()) {
        return false;
      }
      request.getAsyncContext().addListener(new AsyncCompletion(telemetry, context, request, response), request, response);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // The container answers the timeout and then completes the request.
  }

  @Override
  public void onError(AsyncEvent event) {
    error = event.getThrowable();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // A new startAsync (after a dispatch) drops the listeners: stay registered.
    event.getAsyncContext().addListener(this, request, response);
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      Throwable failure = error;
      telemetry.end(context, request, new ServletResponseView(response, failure != null), failure);
    }
  }
}
