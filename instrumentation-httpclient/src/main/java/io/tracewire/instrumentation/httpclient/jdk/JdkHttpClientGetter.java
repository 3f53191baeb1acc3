package io.tracewire.instrumentation.httpclient.jdk;

import io.tracewire.instrumentation.api.http.HttpClientAttributesGetter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Reads the JDK client's request and response for the span. */
final class JdkHttpClientGetter implements HttpClientAttributesGetter<HttpRequest, HttpResponse<?>> {

  @Override
  public String method(HttpRequest request) {
    return request.method();
  }

  @Override
  public String url(HttpRequest request) {
    return request.uri().toString();
  }

  @Override
  public List<String> requestHeader(HttpRequest request, String name) {
    return request.headers().allValues(name);
  }

  @Override
  public Integer statusCode(HttpResponse<?> response) {
    return response.statusCode();
  }

  @Override
  public List<String> responseHeader(HttpResponse<?> response, String name) {
    return response.headers().allValues(name);
  }

  /** The version the exchange used (the client may fall back from HTTP/2 to 1.1). */
  @Override
  public String protocolVersion(HttpRequest request, HttpResponse<?> response) {
    return response == null || response.version() == null ? null : response.version().name();
  }
}
