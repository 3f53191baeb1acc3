package io.tracewire.instrumentation.httpclient.apache.linked;

import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One async {@code doExecute}: the span starts when the request producer hands its request over
 * (on the caller's thread, before any connection is made), the response is noted when it
 * arrives, and the span ends once, when the future's callback is told the outcome.
 */
final class AsyncExchange {

  final Context caller;
  private final HttpHost target;
  private volatile Context context;
  private volatile ApacheRequest request;
  private volatile HttpResponse response;
  private final AtomicBoolean ended = new AtomicBoolean();

  AsyncExchange(Context caller, HttpHost target) {
    this.caller = caller;
    this.target = target;
  }

  /** The request is about to go out (again, for a repeated one: same span, same headers). */
  void sending(HttpRequest outgoing) {
    Context current = context;
    if (current == null) {
      request = new ApacheRequest(target, outgoing);
      current = ApacheTelemetry.get().start(caller, request);
      context = current;
    }
    ApacheTelemetry.inject(current, outgoing);
  }

  void received(HttpResponse answer) {
    response = answer;
  }

  void end(Throwable error) {
    Context current = context;
    if (current != null && ended.compareAndSet(false, true)) {
      ApacheTelemetry.get().end(current, request, error == null ? response : null, error);
    }
  }
}
