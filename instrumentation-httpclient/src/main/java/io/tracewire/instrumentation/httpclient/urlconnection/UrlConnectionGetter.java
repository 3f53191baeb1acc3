package io.tracewire.instrumentation.httpclient.urlconnection;

import io.tracewire.instrumentation.api.http.HttpClientAttributesGetter;
import java.net.HttpURLConnection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code HttpURLConnection} for its span. The response side is read only once the
 * exchange is over (the connection then answers from what it holds, without network I/O).
 */
final class UrlConnectionGetter implements HttpClientAttributesGetter<UrlConnectionRequest, HttpURLConnection> {

  @Override
  public String method(UrlConnectionRequest request) {
    return request.method;
  }

  @Override
  public String url(UrlConnectionRequest request) {
    return request.connection.getURL().toString();
  }

  /** Before the connection is made; the JDK never reveals {@code Authorization} here. */
  @Override
  public List<String> requestHeader(UrlConnectionRequest request, String name) {
    String value = request.connection.getRequestProperty(name);
    return value == null ? List.of() : List.of(value);
  }

  @Override
  public Integer statusCode(HttpURLConnection response) {
    try {
      int status = response.getResponseCode();
      return status > 0 ? status : null;
    } catch (Exception none) {
      return null;
    }
  }

  @Override
  public List<String> responseHeader(HttpURLConnection response, String name) {
    for (Map.Entry<String, List<String>> header : response.getHeaderFields().entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return Collections.emptyList();
  }

  /** From the status line, {@code HTTP/1.1 200 OK}. */
  @Override
  public String protocolVersion(UrlConnectionRequest request, HttpURLConnection response) {
    if (response == null) {
      return null;
    }
    String statusLine = response.getHeaderField(0);
    if (statusLine == null || !statusLine.startsWith("HTTP/")) {
      return null;
    }
    int space = statusLine.indexOf(' ');
    return space < 0 ? statusLine : statusLine.substring(0, space);
  }
}
