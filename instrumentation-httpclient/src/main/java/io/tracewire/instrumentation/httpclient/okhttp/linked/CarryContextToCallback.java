package io.tracewire.instrumentation.httpclient.okhttp.linked;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.httpclient.okhttp.OkHttpSupport;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * {@code Call.enqueue(Callback)}: the call remembers the caller's context for the span the
 * {@link TracingInterceptor} starts on the dispatcher thread, and the callback runs in it.
 */
public final class CarryContextToCallback implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length == 1 && args[0] instanceof Callback && !(args[0] instanceof InContext)) {
      Context caller = Context.current();
      OkHttpSupport.enqueued(self, caller);
      args[0] = new InContext((Callback) args[0], caller);
    }
    return null;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {}

  /** The application's callback, run in the context the call was enqueued in. */
  static final class InContext implements Callback {
    private final Callback delegate;
    private final Context caller;

    InContext(Callback delegate, Context caller) {
      this.delegate = delegate;
      this.caller = caller;
    }

    @Override
    public void onResponse(Call call, Response response) throws IOException {
      try (Scope ignored = caller.makeCurrent()) {
        delegate.onResponse(call, response);
      }
    }

    @Override
    public void onFailure(Call call, IOException e) {
      try (Scope ignored = caller.makeCurrent()) {
        delegate.onFailure(call, e);
      }
    }
  }
}
