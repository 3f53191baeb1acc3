package io.tracewire.instrumentation.api.http;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.tracewire.instrumentation.api.SemanticKeys;

/**
 * Attribute keys of the stable HTTP semantic conventions, and the pre-1.21 names that
 * {@code otel.semconv-stability.opt-in=http/dup} emits as well (the set of semantic conventions
 * 1.20, which the OpenTelemetry Java agent emitted before the HTTP conventions became stable).
 */
public final class HttpKeys {

  public static final AttributeKey<String> HTTP_REQUEST_METHOD = stringKey("http.request.method");
  public static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL =
      stringKey("http.request.method_original");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      longKey("http.response.status_code");
  public static final AttributeKey<String> HTTP_ROUTE = stringKey("http.route");
  public static final AttributeKey<String> URL_FULL = stringKey("url.full");
  public static final AttributeKey<String> URL_PATH = stringKey("url.path");
  public static final AttributeKey<String> URL_QUERY = stringKey("url.query");
  public static final AttributeKey<String> URL_SCHEME = stringKey("url.scheme");
  public static final AttributeKey<String> CLIENT_ADDRESS = stringKey("client.address");
  public static final AttributeKey<String> USER_AGENT_ORIGINAL = stringKey("user_agent.original");
  public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      stringKey("network.protocol.version");

  // Semantic conventions 1.20, emitted only with http/dup.
  public static final AttributeKey<String> OLD_HTTP_METHOD = stringKey("http.method");
  public static final AttributeKey<String> OLD_HTTP_URL = stringKey("http.url");
  public static final AttributeKey<String> OLD_HTTP_TARGET = stringKey("http.target");
  public static final AttributeKey<String> OLD_HTTP_SCHEME = stringKey("http.scheme");
  public static final AttributeKey<Long> OLD_HTTP_STATUS_CODE = longKey("http.status_code");
  public static final AttributeKey<String> OLD_HTTP_CLIENT_IP = stringKey("http.client_ip");
  public static final AttributeKey<String> OLD_NET_PEER_NAME = SemanticKeys.OLD_NET_PEER_NAME;
  public static final AttributeKey<Long> OLD_NET_PEER_PORT = SemanticKeys.OLD_NET_PEER_PORT;
  public static final AttributeKey<String> OLD_NET_HOST_NAME = stringKey("net.host.name");
  public static final AttributeKey<Long> OLD_NET_HOST_PORT = longKey("net.host.port");
  public static final AttributeKey<String> OLD_NET_PROTOCOL_NAME = stringKey("net.protocol.name");
  public static final AttributeKey<String> OLD_NET_PROTOCOL_VERSION =
      stringKey("net.protocol.version");

  private HttpKeys() {}
}
