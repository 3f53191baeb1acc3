package io.tracewire.instrumentation.api.http;

import java.util.List;

/**
 * How one HTTP client library's request and response are read. The only code a client module
 * writes for its span's attributes; everything else is in {@link HttpClientTelemetry}. Methods
 * return {@code null} (or an empty list) for what the library cannot tell, and must not throw.
 *
 * @param <REQ> the library's request type (or whatever the interceptor keeps for it)
 * @param <RES> the library's response type; may be the same object as the request
 */
public interface HttpClientAttributesGetter<REQ, RES> {

  /** The request method as sent, e.g. {@code GET}. */
  String method(REQ request);

  /** The absolute URL, unredacted; redaction is done by the telemetry. */
  String url(REQ request);

  /** All values of request header {@code name} (lower case), or an empty list. */
  List<String> requestHeader(REQ request, String name);

  /** The response status code, or {@code null}. */
  Integer statusCode(RES response);

  /** All values of response header {@code name} (lower case), or an empty list. */
  List<String> responseHeader(RES response, String name);

  /**
   * The protocol version the exchange used, in any spelling {@link HttpProtocolVersion}
   * understands ({@code HTTP/1.1}, {@code HTTP_2}, {@code h2}); {@code null} when unknown.
   * {@code response} is {@code null} when the call failed.
   */
  default String protocolVersion(REQ request, RES response) {
    return null;
  }

  /** The server's host when it differs from the URL's (a proxy-aware client); else {@code null}. */
  default String serverAddress(REQ request) {
    return null;
  }

  /** The server's port when it differs from the URL's; else {@code null}. */
  default Integer serverPort(REQ request) {
    return null;
  }
}
