package io.tracewire.instrumentation.jdbc;

import java.util.Objects;

/** What {@link SqlSanitizer} learned about one SQL statement. Every field may be null. */
public final class SqlStatementInfo {

  private final String queryText;
  private final String operationName;
  private final String collectionName;
  private final String querySummary;

  SqlStatementInfo(
      String queryText, String operationName, String collectionName, String querySummary) {
    this.queryText = queryText;
    this.operationName = operationName;
    this.collectionName = collectionName;
    this.querySummary = querySummary;
  }

  /** The statement with every literal and comment text replaced by {@code ?}. */
  public String queryText() {
    return queryText;
  }

  /**
   * The operation of the statement, upper-cased: {@code SELECT}, {@code INSERT}, {@code CREATE},
   * ...; null when the statement does not start with a known operation.
   */
  public String operationName() {
    return operationName;
  }

  /**
   * The only table the statement names, as written but without quoting characters; null when it
   * names none, several, or reads from a subquery or a common table expression.
   */
  public String collectionName() {
    return collectionName;
  }

  /**
   * The {@code db.query.summary}: operations and their targets in order of appearance, such as
   * {@code INSERT orders SELECT cart}; at most 255 characters; null when nothing was recognised.
   */
  public String querySummary() {
    return querySummary;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SqlStatementInfo)) {
      return false;
    }
    SqlStatementInfo that = (SqlStatementInfo) other;
    return Objects.equals(queryText, that.queryText)
        && Objects.equals(operationName, that.operationName)
        && Objects.equals(collectionName, that.collectionName)
        && Objects.equals(querySummary, that.querySummary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queryText, operationName, collectionName, querySummary);
  }

  @Override
  public String toString() {
    return "SqlStatementInfo{queryText="
        + queryText
        + ", operationName="
        + operationName
        + ", collectionName="
        + collectionName
        + ", querySummary="
        + querySummary
        + '}';
  }
}
