package io.tracewire.instrumentation.httpclient.apache.linked;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.Interceptor;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The classic client's {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)}: the span is
 * current while the call runs, so a client wrapping another makes one span.
 */
public final class ClassicExecuteInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length != 3 || !(args[1] instanceof ClassicHttpRequest)) {
      return null;
    }
    Context parent = Context.current();
    if (!ApacheTelemetry.get().shouldStart(parent)) {
      return null;
    }
    HttpHost target = args[0] instanceof HttpHost ? (HttpHost) args[0] : null;
    ClassicHttpRequest request = (ClassicHttpRequest) args[1];
    ApacheRequest traced = new ApacheRequest(target, request);
    Context context = ApacheTelemetry.get().start(parent, traced);
    try {
      ApacheTelemetry.inject(context, request);
    } catch (RuntimeException cannotSet) {
      // the request goes out without the trace headers; the span is still ended on exit
    }
    return new Call(context, traced, context.makeCurrent());
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof Call) {
      Call call = (Call) state;
      try {
        call.scope.close();
      } finally {
        HttpResponse response = returned instanceof HttpResponse ? (HttpResponse) returned : null;
        ApacheTelemetry.get().end(call.context, call.request, response, thrown);
      }
    }
  }

  private static final class Call {
    final Context context;
    final ApacheRequest request;
    final Scope scope;

    Call(Context context, ApacheRequest request, Scope scope) {
      this.context = context;
      this.request = request;
      this.scope = scope;
    }
  }
}
