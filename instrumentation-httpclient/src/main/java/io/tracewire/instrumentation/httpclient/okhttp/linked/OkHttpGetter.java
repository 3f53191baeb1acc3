package io.tracewire.instrumentation.httpclient.okhttp.linked;

import io.tracewire.instrumentation.api.http.HttpClientAttributesGetter;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/** Reads OkHttp's request and response for the span. */
final class OkHttpGetter implements HttpClientAttributesGetter<Request, Response> {

  @Override
  public String method(Request request) {
    return request.method();
  }

  @Override
  public String url(Request request) {
    return request.url().toString();
  }

  @Override
  public List<String> requestHeader(Request request, String name) {
    return request.headers(name);
  }

  @Override
  public Integer statusCode(Response response) {
    return response.code();
  }

  @Override
  public List<String> responseHeader(Response response, String name) {
    return response.headers(name);
  }

  /** {@code http/1.1}, {@code h2}, {@code h2_prior_knowledge}. */
  @Override
  public String protocolVersion(Request request, Response response) {
    return response == null ? null : response.protocol().toString();
  }
}
