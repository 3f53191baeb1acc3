package io.tracewire.instrumentation.api.http;

import java.util.Collections;
import java.util.List;

/**
 * How one HTTP server's request and response are read, for {@link HttpServerTelemetry}. Methods
 * return {@code null} (or an empty list) for what the server cannot tell, and must not throw.
 *
 * @param <REQ> the server's request type (e.g. the servlet request, the JDK {@code HttpExchange})
 * @param <RES> the server's response type; may be the same object as the request
 */
public interface HttpServerAttributesGetter<REQ, RES> {

  /** The request method as received, e.g. {@code GET}. */
  String method(REQ request);

  /** {@code http} or {@code https}. */
  String scheme(REQ request);

  /** The path of the request target, undecoded, without the query. */
  String path(REQ request);

  /** The query without {@code ?}, undecoded, or {@code null}. */
  String query(REQ request);

  /** All values of request header {@code name} (lower case), or an empty list. */
  List<String> requestHeader(REQ request, String name);

  /** The names of all request headers; only propagators that scan headers need them. */
  default Iterable<String> requestHeaderNames(REQ request) {
    return Collections.emptyList();
  }

  /** The response status code, or {@code null}. */
  Integer statusCode(RES response);

  /** All values of response header {@code name} (lower case), or an empty list. */
  List<String> responseHeader(RES response, String name);

  /**
   * The matched route template (e.g. {@code /orders/{id}}) when the server knows it, else
   * {@code null}. Read at start and again at end; a framework that learns the route later calls
   * {@link HttpServerTelemetry#updateRoute}.
   */
  default String route(REQ request) {
    return null;
  }

  /** The address of the peer that connected (the proxy's, behind one), or {@code null}. */
  String peerAddress(REQ request);

  /** The local address the request arrived on, used when there is no {@code Host} header. */
  default String localAddress(REQ request) {
    return null;
  }

  /** The local port the request arrived on, used when there is no {@code Host} header. */
  default Integer localPort(REQ request) {
    return null;
  }

  /** The protocol version ({@code HTTP/1.1}, {@code HTTP/2.0}, ...), or {@code null}. */
  default String protocolVersion(REQ request) {
    return null;
  }
}
