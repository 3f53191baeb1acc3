package io.tracewire.instrumentation.httpserver.servlet.linked;

import io.tracewire.instrumentation.api.http.HttpServerAttributesGetter;
import io.tracewire.instrumentation.httpserver.servlet.ServletRoutes;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Reads a servlet request and response for the SERVER span (Servlet 5 API only). */
final class ServletRequestAttributes
    implements HttpServerAttributesGetter<HttpServletRequest, ServletResponseView> {

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String path(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String query(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public List<String> requestHeader(HttpServletRequest request, String name) {
    // Asked several times per request, mostly for headers that are absent or single.
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return Collections.emptyList();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return Collections.singletonList(first);
    }
    List<String> all = new ArrayList<>();
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }

  @Override
  public Iterable<String> requestHeaderNames(HttpServletRequest request) {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? Collections.emptyList() : Collections.list(names);
  }

  @Override
  public Integer statusCode(ServletResponseView response) {
    return response.status();
  }

  @Override
  public List<String> responseHeader(ServletResponseView response, String name) {
    Collection<String> values = response.response.getHeaders(name);
    return values == null ? Collections.emptyList() : new ArrayList<>(values);
  }

  @Override
  public String route(HttpServletRequest request) {
    try {
      HttpServletMapping mapping = request.getHttpServletMapping();
      MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
      return match == null
          ? null
          : ServletRoutes.route(request.getContextPath(), match.name(), mapping.getPattern());
    } catch (RuntimeException unsupported) {
      // A request wrapper that does not implement the mapping: no route rather than no span.
      return null;
    }
  }

  @Override
  public String peerAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public String localAddress(HttpServletRequest request) {
    return request.getLocalAddr();
  }

  @Override
  public Integer localPort(HttpServletRequest request) {
    int port = request.getLocalPort();
    return port > 0 ? port : null;
  }

  @Override
  public String protocolVersion(HttpServletRequest request) {
    return request.getProtocol();
  }
}
