package io.tracewire.instrumentation.httpclient.jdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The application's body handler, whose subscriber is told about the response body in the
 * caller's context: the client delivers the body on its own threads (a selector thread hands the
 * bytes to its executor), where whatever consumes it (a Reactor pipeline behind Spring's {@code
 * WebClient}, the application's own subscriber) would otherwise run with no context at all.
 */
final class CallerContextBodyHandler<T> implements HttpResponse.BodyHandler<T> {

  private final HttpResponse.BodyHandler<T> delegate;
  private final Context caller;

  CallerContextBodyHandler(HttpResponse.BodyHandler<T> delegate, Context caller) {
    this.delegate = delegate;
    this.caller = caller;
  }

  @Override
  public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo responseInfo) {
    HttpResponse.BodySubscriber<T> subscriber;
    try (Scope ignored = caller.makeCurrent()) {
      subscriber = delegate.apply(responseInfo);
    }
    return subscriber == null ? null : new InCallerContext<>(subscriber, caller);
  }

  /** Runs every signal of the delegate in the caller's context. */
  private static final class InCallerContext<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> delegate;
    private final Context caller;

    InCallerContext(HttpResponse.BodySubscriber<T> delegate, Context caller) {
      this.delegate = delegate;
      this.caller = caller;
    }

    @Override
    public CompletionStage<T> getBody() {
      return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      try (Scope ignored = caller.makeCurrent()) {
        delegate.onSubscribe(subscription);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      try (Scope ignored = caller.makeCurrent()) {
        delegate.onNext(item);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      try (Scope ignored = caller.makeCurrent()) {
        delegate.onError(throwable);
      }
    }

    @Override
    public void onComplete() {
      try (Scope ignored = caller.makeCurrent()) {
        delegate.onComplete();
      }
    }
  }
}
