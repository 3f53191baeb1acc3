package io.tracewire.instrumentation.httpclient.okhttp.linked;

import io.tracewire.bootstrap.Interceptor;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * {@code new OkHttpClient(Builder)}: adds the {@link TracingInterceptor} to the builder's
 * application interceptors before the client copies them, unless it is there already (a builder
 * from {@code client.newBuilder()} carries it over).
 */
public final class AddTracingInterceptor implements Interceptor {

  private static final TracingInterceptor TRACING = new TracingInterceptor();

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (args.length == 1 && args[0] instanceof OkHttpClient.Builder) {
      List<okhttp3.Interceptor> interceptors = ((OkHttpClient.Builder) args[0]).interceptors();
      for (okhttp3.Interceptor interceptor : interceptors) {
        if (interceptor instanceof TracingInterceptor) {
          return null;
        }
      }
      interceptors.add(TRACING);
    }
    return null;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {}
}
