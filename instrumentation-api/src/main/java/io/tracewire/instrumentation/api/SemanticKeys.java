package io.tracewire.instrumentation.api;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;

/** Attribute keys of the OpenTelemetry semantic conventions that more than one module uses. */
public final class SemanticKeys {

  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  public static final AttributeKey<String> EXCEPTION_TYPE = stringKey("exception.type");
  public static final AttributeKey<String> EXCEPTION_MESSAGE = stringKey("exception.message");
  public static final AttributeKey<String> EXCEPTION_STACKTRACE = stringKey("exception.stacktrace");

  public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  /** The names {@code server.address}/{@code server.port} replaced, for the {@code /dup} opt-ins. */
  public static final AttributeKey<String> OLD_NET_PEER_NAME = stringKey("net.peer.name");
  public static final AttributeKey<Long> OLD_NET_PEER_PORT = longKey("net.peer.port");

  public static final AttributeKey<String> CODE_FUNCTION_NAME = stringKey("code.function.name");

  private SemanticKeys() {}
}
