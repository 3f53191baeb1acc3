package io.tracewire.instrumentation.httpserver.servlet;

/**
 * {@code http.route} from the servlet mapping that matched, as plain text so that it is tested
 * without a container. A mapping is a template in the servlet format that matches the whole path:
 * {@code /orders/*}, {@code /hello}, {@code *.jsp}. The default servlet ({@code /}) matches every
 * path that nothing else does and is reported as {@code /*}; the application root is included.
 */
public final class ServletRoutes {

  private ServletRoutes() {}

  /**
   * The route of a request whose servlet mapping is {@code pattern}, matched as {@code match} (a
   * {@code jakarta.servlet.http.MappingMatch} name), or {@code null} when there is none.
   */
  public static String route(String contextPath, String match, String pattern) {
    if (match == null) {
      return null;
    }
    String root = contextPath == null ? "" : contextPath;
    switch (match) {
      case "CONTEXT_ROOT":
        return root.isEmpty() ? "/" : root;
      case "DEFAULT":
        return root + "/*";
      case "EXACT":
      case "PATH":
        return pattern == null || pattern.isEmpty() ? null : root + pattern;
      case "EXTENSION":
        return pattern == null || pattern.isEmpty() ? null : root + "/" + pattern;
      default:
        return null;
    }
  }

  /**
   * What a framework's route below the servlet (Spring MVC's {@code /orders/{id}}) is prefixed
   * with to make the full route: the application root, and the servlet path when the framework's
   * servlet is mapped to a path ({@code /api/*}), since its patterns are then relative to it.
   */
  public static String frameworkPrefix(String contextPath, String match, String servletPath) {
    String root = contextPath == null ? "" : contextPath;
    if ("PATH".equals(match) && servletPath != null) {
      return root + servletPath;
    }
    return root;
  }
}
