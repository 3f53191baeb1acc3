package io.tracewire.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.tracewire.instrumentation.api.SemanticKeys;

/** Database attribute keys: the stable semantic conventions, and the old ones for {@code database/dup}. */
final class DbAttributes {

  static final AttributeKey<String> DB_SYSTEM_NAME = stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = stringKey("db.namespace");
  static final AttributeKey<String> DB_QUERY_TEXT = stringKey("db.query.text");
  static final AttributeKey<String> DB_QUERY_SUMMARY = stringKey("db.query.summary");
  static final AttributeKey<String> DB_OPERATION_NAME = stringKey("db.operation.name");
  static final AttributeKey<String> DB_COLLECTION_NAME = stringKey("db.collection.name");
  static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE = longKey("db.operation.batch.size");
  static final AttributeKey<String> DB_RESPONSE_STATUS_CODE = stringKey("db.response.status_code");

  static final AttributeKey<String> OLD_DB_SYSTEM = stringKey("db.system");
  static final AttributeKey<String> OLD_DB_NAME = stringKey("db.name");
  static final AttributeKey<String> OLD_DB_STATEMENT = stringKey("db.statement");
  static final AttributeKey<String> OLD_DB_OPERATION = stringKey("db.operation");
  static final AttributeKey<String> OLD_DB_SQL_TABLE = stringKey("db.sql.table");
  static final AttributeKey<String> OLD_NET_PEER_NAME = SemanticKeys.OLD_NET_PEER_NAME;
  static final AttributeKey<Long> OLD_NET_PEER_PORT = SemanticKeys.OLD_NET_PEER_PORT;

  private DbAttributes() {}

  /** The {@code db.system} value of the old conventions for a {@code db.system.name} value. */
  static String oldSystemName(String system) {
    switch (system) {
      case "h2database":
        return "h2";
      case "microsoft.sql_server":
        return "mssql";
      case "oracle.db":
        return "oracle";
      case "ibm.db2":
        return "db2";
      default:
        return system;
    }
  }

  /**
   * {@code db.query.text} is cut to this many characters: generated statements (long {@code IN}
   * lists, ORM joins) can run to megabytes, and every queued span holds its text.
   * {@code otel.attribute.value.length.limit} may cut it shorter.
   */
  static final int MAX_QUERY_TEXT_LENGTH = 8192;

  static String boundedQueryText(String text) {
    return text == null || text.length() <= MAX_QUERY_TEXT_LENGTH ? text : text.substring(0, MAX_QUERY_TEXT_LENGTH);
  }
}
