package io.tracewire.instrumentation.httpserver.servlet.linked;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.http.HttpServerTelemetry;
import io.tracewire.instrumentation.httpserver.servlet.ServletInstrumentationModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Filter.doFilter} and {@code Servlet.service}. The outermost call of a request starts the
 * SERVER span and keeps it current while the filters and servlets run; calls nested in it
 * (filters, forwards, includes, servlets calling servlets) find it current and do nothing. The
 * span's context is kept as a request attribute, so that a later dispatch of the same request on
 * another thread (an asynchronous dispatch, the container's error page) runs in it without a
 * second span. An asynchronous request's span ends when its response completes.
 */
public final class ServletEntryInterceptor implements Interceptor {

  /** The request attribute holding the span's context. */
  static final String CONTEXT_ATTRIBUTE = "io.tracewire.servlet.context";

  private final HttpServerTelemetry<HttpServletRequest, ServletResponseView> telemetry;

  public ServletEntryInterceptor() {
    this.telemetry =
        HttpServerTelemetry.create(ServletInstrumentationModule.context(), new ServletRequestAttributes());
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length < 2
        || !(args[0] instanceof HttpServletRequest)
        || !(args[1] instanceof HttpServletResponse)) {
      return null;
    }
    Context current = Context.current();
    if (!telemetry.shouldStart(current)) {
      return null;
    }
    HttpServletRequest request = (HttpServletRequest) args[0];
    Object known = request.getAttribute(CONTEXT_ATTRIBUTE);
    if (known instanceof Context) {
      // A later dispatch of a request that has its span: run in it, make no other.
      return ((Context) known).makeCurrent();
    }
    Context context = telemetry.start(current, request);
    request.setAttribute(CONTEXT_ATTRIBUTE, context);
    return new ServerRequest(context, context.makeCurrent(), request, (HttpServletResponse) args[1]);
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (state instanceof Scope) {
      ((Scope) state).close();
      return;
    }
    if (!(state instanceof ServerRequest)) {
      return;
    }
    ServerRequest served = (ServerRequest) state;
    served.scope.close();
    if (thrown == null && AsyncCompletion.endOnCompletion(telemetry, served.context, served.request, served.response)) {
      return;
    }
    telemetry.end(
        served.context, served.request, new ServletResponseView(served.response, thrown != null), thrown);
  }

  /** A request whose span this thread started. */
  private static final class ServerRequest {
    final Context context;
    final Scope scope;
    final HttpServletRequest request;
    final HttpServletResponse response;

    ServerRequest(Context context, Scope scope, HttpServletRequest request, HttpServletResponse response) {
      this.context = context;
      this.scope = scope;
      this.request = request;
      this.response = response;
    }
  }
}
