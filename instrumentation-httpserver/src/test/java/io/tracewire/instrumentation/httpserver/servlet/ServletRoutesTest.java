package io.tracewire.instrumentation.httpserver.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServletRoutesTest {

  @Test
  void mappingsAreTemplatesBelowTheApplicationRoot() {
    assertEquals("/shop/orders/*", ServletRoutes.route("/shop", "PATH", "/orders/*"));
    assertEquals("/orders/*", ServletRoutes.route("", "PATH", "/orders/*"));
    assertEquals("/shop/hello", ServletRoutes.route("/shop", "EXACT", "/hello"));
    assertEquals("/shop/*.jsp", ServletRoutes.route("/shop", "EXTENSION", "*.jsp"));
  }

  @Test
  void theDefaultServletMatchesEverythingAndTheRootItself() {
    assertEquals("/*", ServletRoutes.route("", "DEFAULT", "/"));
    assertEquals("/shop/*", ServletRoutes.route("/shop", "DEFAULT", "/"));
    assertEquals("/", ServletRoutes.route("", "CONTEXT_ROOT", ""));
    assertEquals("/shop", ServletRoutes.route("/shop", "CONTEXT_ROOT", ""));
  }

  @Test
  void noRouteWithoutAMapping() {
    assertNull(ServletRoutes.route("/shop", null, null));
    assertNull(ServletRoutes.route("/shop", "PATH", ""));
    assertNull(ServletRoutes.route("/shop", "SOMETHING_NEW", "/x"));
  }

  @Test
  void aFrameworkRouteIsPrefixedWithTheRootAndAServletPath() {
    assertEquals("", ServletRoutes.frameworkPrefix("", "DEFAULT", ""));
    assertEquals("/shop", ServletRoutes.frameworkPrefix("/shop", "DEFAULT", ""));
    assertEquals("/shop/api", ServletRoutes.frameworkPrefix("/shop", "PATH", "/api"));
    assertEquals("", ServletRoutes.frameworkPrefix(null, null, null));
  }
}
