package io.tracewire.instrumentation.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Sanitizes each distinct SQL string once. Applications run a small set of statements over and
 * over; the map is bounded (cleared when full) so that SQL built with inlined values cannot grow
 * it without limit.
 */
final class QueryCache {

  private static final int MAX_ENTRIES = 2048;
  /** Longer SQL is sanitized every time rather than cached: it usually carries inlined values. */
  private static final int MAX_CACHED_LENGTH = 4096;

  private final ConcurrentHashMap<String, JdbcQuery> standard = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, JdbcQuery> doubleQuotedStrings = new ConcurrentHashMap<>();
  private final boolean sanitize;

  QueryCache(boolean sanitize) {
    this.sanitize = sanitize;
  }

  JdbcQuery get(String sql, DbConnectionInfo connection) {
    SqlDialect dialect = connection.dialect();
    ConcurrentHashMap<String, JdbcQuery> cache =
        dialect == SqlDialect.STANDARD ? standard : doubleQuotedStrings;
    JdbcQuery query = cache.get(sql);
    if (query == null) {
      SqlStatementInfo info = SqlSanitizer.sanitize(sql, dialect);
      query = new JdbcQuery(sanitize ? info.queryText() : sql, info);
      if (sql.length() <= MAX_CACHED_LENGTH) {
        if (cache.size() >= MAX_ENTRIES) {
          cache.clear();
        }
        cache.put(sql, query);
      }
    }
    return query;
  }
}
