package io.tracewire.instrumentation.httpserver.spring.linked;

import io.opentelemetry.context.Context;
import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.http.HttpServerTelemetry;
import io.tracewire.instrumentation.httpserver.servlet.ServletRoutes;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

/**
 * {@code DispatcherServlet.getHandler(request)}: once a handler was found, the pattern Spring
 * matched (request attribute {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}) is the route,
 * below the application root and, for a dispatcher mapped to a path, below that path.
 */
public final class HandlerMatchInterceptor implements Interceptor {

  /** The value of {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}. */
  static final String BEST_MATCHING_PATTERN =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  @Override
  public Object onEnter(Object self, Object[] args) {
    return args.length == 1 && args[0] instanceof HttpServletRequest ? args[0] : null;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    if (returned == null || !(state instanceof HttpServletRequest)) {
      return;
    }
    HttpServletRequest request = (HttpServletRequest) state;
    Object pattern = request.getAttribute(BEST_MATCHING_PATTERN);
    if (pattern == null) {
      return;
    }
    HttpServerTelemetry.updateRoute(Context.current(), prefix(request) + pattern);
  }

  private static String prefix(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
    return ServletRoutes.frameworkPrefix(
        request.getContextPath(), match == null ? null : match.name(), request.getServletPath());
  }
}
