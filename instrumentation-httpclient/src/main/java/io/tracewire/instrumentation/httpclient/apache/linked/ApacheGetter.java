package io.tracewire.instrumentation.httpclient.apache.linked;

import io.tracewire.instrumentation.api.http.HttpClientAttributesGetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;

/** Reads Apache HttpClient 5's request and response for the span. */
final class ApacheGetter implements HttpClientAttributesGetter<ApacheRequest, HttpResponse> {

  @Override
  public String method(ApacheRequest request) {
    return request.request.getMethod();
  }

  /** The request's own absolute URI when it has one (with any user info), else host and path. */
  @Override
  public String url(ApacheRequest request) {
    try {
      if (request.request.getAuthority() != null && request.request.getScheme() != null) {
        return request.request.getUri().toString();
      }
    } catch (Exception fallBack) {
      // a malformed URI: built from the parts below
    }
    String path = request.request.getRequestUri();
    if (request.target == null || path == null || path.contains("://")) {
      return path;
    }
    return request.target.toURI() + (path.startsWith("/") ? path : "/" + path);
  }

  @Override
  public List<String> requestHeader(ApacheRequest request, String name) {
    return values(request.request, name);
  }

  @Override
  public Integer statusCode(HttpResponse response) {
    return response.getCode();
  }

  @Override
  public List<String> responseHeader(HttpResponse response, String name) {
    return values(response, name);
  }

  @Override
  public String protocolVersion(ApacheRequest request, HttpResponse response) {
    ProtocolVersion version = response != null ? response.getVersion() : null;
    return version == null ? null : version.toString();
  }

  private static List<String> values(HttpMessage message, String name) {
    Header[] headers = message.getHeaders(name);
    List<String> values = new ArrayList<>(headers.length);
    for (Header header : headers) {
      values.add(header.getValue());
    }
    return values;
  }
}
