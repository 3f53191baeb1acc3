package io.tracewire.instrumentation.api.messaging;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;

/** Attribute keys of the OpenTelemetry messaging conventions. */
public final class MessagingKeys {

  public static final AttributeKey<String> SYSTEM = stringKey("messaging.system");
  public static final AttributeKey<String> OPERATION_TYPE = stringKey("messaging.operation.type");
  public static final AttributeKey<String> OPERATION_NAME = stringKey("messaging.operation.name");
  public static final AttributeKey<String> DESTINATION_NAME = stringKey("messaging.destination.name");
  public static final AttributeKey<String> SUBSCRIPTION_NAME =
      stringKey("messaging.destination.subscription.name");
  public static final AttributeKey<String> MESSAGE_ID = stringKey("messaging.message.id");
  public static final AttributeKey<String> CONVERSATION_ID =
      stringKey("messaging.message.conversation_id");
  public static final AttributeKey<Long> BODY_SIZE = longKey("messaging.message.body.size");
  public static final AttributeKey<Long> BATCH_MESSAGE_COUNT = longKey("messaging.batch.message_count");
  public static final AttributeKey<String> NETWORK_PROTOCOL_NAME = stringKey("network.protocol.name");

  /**
   * The operation under its name before the conventions split it into type and name (1.24 and
   * earlier: {@code publish}, {@code receive}, {@code process}); emitted on {@code messaging/dup}.
   */
  public static final AttributeKey<String> OLD_OPERATION = stringKey("messaging.operation");

  private MessagingKeys() {}
}
