package io.tracewire.instrumentation.jdbc;

/** A statement's SQL as it will be reported: the text for {@code db.query.text} and what it does. */
final class JdbcQuery {

  private final String text;
  private final SqlStatementInfo info;

  JdbcQuery(String text, SqlStatementInfo info) {
    this.text = text;
    this.info = info;
  }

  /** Sanitized unless sanitization was switched off. */
  String text() {
    return text;
  }

  SqlStatementInfo info() {
    return info;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JdbcQuery && ((JdbcQuery) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
