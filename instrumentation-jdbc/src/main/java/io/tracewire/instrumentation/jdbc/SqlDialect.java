package io.tracewire.instrumentation.jdbc;

import java.util.Locale;

/** How the sanitizer reads the few lexical rules that differ between databases. */
public enum SqlDialect {

  /**
   * SQL standard: {@code "..."} is a quoted identifier, {@code '...'} a string where only {@code
   * ''} escapes a quote. PostgreSQL, H2, HSQLDB, Derby, SQLite, SQL Server, Oracle and Db2.
   */
  STANDARD,

  /**
   * MySQL and MariaDB (without {@code ANSI_QUOTES}): {@code "..."} is a string literal, a backslash
   * escapes the next character inside strings, and {@code #} starts a comment.
   */
  DOUBLE_QUOTES_ARE_STRINGS;

  /**
   * The dialect of a database given its {@code db.system.name} value; {@link #STANDARD} for null or
   * unknown names.
   */
  public static SqlDialect forSystem(String dbSystemName) {
    if (dbSystemName == null) {
      return DOUBLE_QUOTES_ARE_STRINGS;
    }
    switch (dbSystemName.toLowerCase(Locale.ROOT)) {
      case "mysql":
      case "mariadb":
      // An unknown database may be MySQL-like: reading "..." as a string hides a quoted
      // identifier at worst, never leaks a literal.
      case "other_sql":
        return DOUBLE_QUOTES_ARE_STRINGS;
      default:
        return STANDARD;
    }
  }
}
