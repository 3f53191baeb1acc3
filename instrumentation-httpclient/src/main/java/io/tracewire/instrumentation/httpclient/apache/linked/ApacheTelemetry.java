package io.tracewire.instrumentation.httpclient.apache.linked;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.tracewire.instrumentation.api.http.HttpClientTelemetry;
import io.tracewire.instrumentation.httpclient.LinkedModuleContexts;
import io.tracewire.instrumentation.httpclient.apache.ApacheHttpClientInstrumentationModule;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/** The module's client telemetry, made once per application loader. */
final class ApacheTelemetry {

  /** The request is the application's own, mutable object: the trace headers are set on it. */
  private static final TextMapSetter<HttpRequest> HEADERS =
      (request, name, value) -> {
        if (request != null) {
          request.setHeader(name, value);
        }
      };

  private static final HttpClientTelemetry<ApacheRequest, HttpResponse> TELEMETRY =
      HttpClientTelemetry.create(
          LinkedModuleContexts.get(ApacheHttpClientInstrumentationModule.NAME), new ApacheGetter());

  private ApacheTelemetry() {}

  static HttpClientTelemetry<ApacheRequest, HttpResponse> get() {
    return TELEMETRY;
  }

  static void inject(Context context, HttpRequest request) {
    TELEMETRY.inject(context, request, HEADERS);
  }
}
