package io.tracewire.instrumentation.httpserver.servlet.linked;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The response as the span reports it. When the application threw and nothing was sent yet, the
 * container answers 500 after the span ended, whatever status the response held.
 */
final class ServletResponseView {

  final HttpServletResponse response;
  private final boolean failed;

  ServletResponseView(HttpServletResponse response, boolean failed) {
    this.response = response;
    this.failed = failed;
  }

  Integer status() {
    if (failed && !response.isCommitted()) {
      return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    int status = response.getStatus();
    return status > 0 ? status : null;
  }
}
