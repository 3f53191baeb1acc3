package io.tracewire.instrumentation.httpclient.okhttp.linked;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracewire.instrumentation.api.http.HttpClientTelemetry;
import io.tracewire.instrumentation.httpclient.LinkedModuleContexts;
import io.tracewire.instrumentation.httpclient.okhttp.OkHttpInstrumentationModule;
import io.tracewire.instrumentation.httpclient.okhttp.OkHttpSupport;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The agent's application interceptor, last in every client's list: one span per call (OkHttp
 * follows redirects and retries below application interceptors, so they stay in it), with the
 * trace headers set on a copy of the request.
 */
public final class TracingInterceptor implements Interceptor {

  private static final TextMapSetter<Request.Builder> HEADERS =
      (builder, name, value) -> {
        if (builder != null) {
          builder.header(name, value);
        }
      };

  private static volatile HttpClientTelemetry<Request, Response> telemetry;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Context context = null;
    Request traced = request;
    HttpClientTelemetry<Request, Response> spans = null;
    try {
      spans = telemetry();
      Context enqueued = OkHttpSupport.takeEnqueued(chain.call());
      Context parent = enqueued != null ? enqueued : Context.current();
      if (spans.shouldStart(parent)) {
        context = spans.start(parent, request);
        Request.Builder builder = request.newBuilder();
        spans.inject(context, builder, HEADERS);
        traced = builder.build();
      }
    } catch (RuntimeException | LinkageError telemetryFailed) {
      // The call goes on untraced; a span already started is ended, never left open.
      if (context != null) {
        end(spans, context, request, null, null);
      }
      context = null;
      traced = request;
    }
    if (context == null) {
      return chain.proceed(request);
    }
    Response response = null;
    Throwable error = null;
    try (Scope ignored = context.makeCurrent()) {
      response = chain.proceed(traced);
      return response;
    } catch (IOException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      end(spans, context, request, response, error);
    }
  }

  private static void end(
      HttpClientTelemetry<Request, Response> spans,
      Context context,
      Request request,
      Response response,
      Throwable error) {
    try {
      spans.end(context, request, response, error);
    } catch (RuntimeException | LinkageError ignored) {
      // Telemetry never changes the call's outcome.
    }
  }

  private static HttpClientTelemetry<Request, Response> telemetry() {
    HttpClientTelemetry<Request, Response> current = telemetry;
    if (current == null) {
      current = HttpClientTelemetry.create(
          LinkedModuleContexts.get(OkHttpInstrumentationModule.NAME), new OkHttpGetter());
      telemetry = current;
    }
    return current;
  }
}
