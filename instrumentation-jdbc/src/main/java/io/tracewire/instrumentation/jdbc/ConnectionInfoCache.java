package io.tracewire.instrumentation.jdbc;

import io.tracewire.instrumentation.api.ObjectField;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each connection is connected to, parsed once from its JDBC URL. Kept on the connection (a
 * field the agent adds to driver classes, a weak map for classes that loaded before it; pools hand
 * out a new proxy per checkout, so parsed URLs are cached too, in a bounded map).
 * {@link java.sql.DatabaseMetaData#getURL()} is answered locally by common drivers, and is only
 * asked once per connection, never per statement.
 */
final class ConnectionInfoCache {

  private static final int MAX_URLS = 256;

  private final ObjectField<DbConnectionInfo> byConnection = ObjectField.create();
  private final ConcurrentHashMap<String, DbConnectionInfo> byUrl = new ConcurrentHashMap<>();

  DbConnectionInfo of(Connection connection) {
    if (connection == null) {
      return DbConnectionInfo.UNKNOWN;
    }
    DbConnectionInfo info = byConnection.get(connection);
    if (info == null) {
      info = parse(url(connection));
      byConnection.set(connection, info);
    }
    return info;
  }

  DbConnectionInfo of(Statement statement) {
    try {
      return of(statement.getConnection());
    } catch (SQLException | RuntimeException e) {
      return DbConnectionInfo.UNKNOWN;
    }
  }

  private DbConnectionInfo parse(String url) {
    if (url == null) {
      return DbConnectionInfo.UNKNOWN;
    }
    DbConnectionInfo info = byUrl.get(url);
    if (info == null) {
      info = JdbcUrlParser.parse(url);
      if (byUrl.size() >= MAX_URLS) {
        byUrl.clear();
      }
      byUrl.put(url, info);
    }
    return info;
  }

  private static String url(Connection connection) {
    try {
      return connection.getMetaData().getURL();
    } catch (SQLException | RuntimeException | AbstractMethodError e) {
      return null;
    }
  }
}
