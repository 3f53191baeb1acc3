package io.tracewire.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqlMessageSanitizerTest {

  private static String sanitize(String message) {
    return SqlSanitizer.sanitizeMessage(message);
  }

  @Test
  void nullStaysNull() {
    assertNull(sanitize(null));
  }

  // ---- H2

  @Test
  void h2SyntaxErrorEchoingTheStatement() {
    String message =
        "Syntax error in SQL statement \"SELECT * FROM users WHERE name = 'bob' [*]FRM\";"
            + " expected \"FOR, UNION\"; SQL statement:\n"
            + "SELECT * FROM users WHERE name = 'bob' FRM [42001-224]";
    assertEquals(
        "Syntax error in SQL statement \"SELECT * FROM users WHERE name = ? [*]FRM\";"
            + " expected \"FOR, UNION\"; SQL statement:\n"
            + "SELECT * FROM users WHERE name = ? FRM [42001-224]",
        sanitize(message));
  }

  @Test
  void h2ValuesAfterAColonAreHidden() {
    String message =
        "Unique index or primary key violation: \"PUBLIC.PK ON PUBLIC.USERS(ID) VALUES ( /* 1 */"
            + " 4711 )\"; SQL statement:\nINSERT INTO users VALUES (4711, 'alice') [23505-224]";
    String sanitized = sanitize(message);
    assertEquals(
        "Unique index or primary key violation: \"?\"; SQL statement:\n"
            + "INSERT INTO users VALUES (?, ?) [23505-224]",
        sanitized);
  }

  @Test
  void h2QuotedStatementWithDoubledQuotes() {
    String message =
        "Syntax error in SQL statement \"SELECT \"\"Name\"\" FROM t WHERE b = 'x9' [*]\"";
    assertEquals(
        "Syntax error in SQL statement \"SELECT \"\"Name\"\" FROM t WHERE b = ? [*]\"",
        sanitize(message));
  }

  @Test
  void h2ConvertedValuesAreHidden() {
    String message =
        "Data conversion error converting \"'abc' (USERS: \"\"ID\"\" INTEGER)\"; SQL statement:\n"
            + "INSERT INTO users(id) VALUES ('abc') [22018-224]";
    assertEquals(
        "Data conversion error converting \"?\"; SQL statement:\n"
            + "INSERT INTO users(id) VALUES (?) [22018-224]",
        sanitize(message));
    assertEquals(
        "Data conversion error converting \"?\"",
        sanitize("Data conversion error converting \"abc\""));
  }

  @Test
  void h2StatementTailIsSanitizedAsSql() {
    String message =
        "Column \"BOB\" not found; SQL statement:\n"
            + "SELECT * FROM users WHERE name = \"BOB\" -- s3cr3t note\n [42122-224]";
    String sanitized = sanitize(message);
    assertFalse(sanitized.contains("s3cr3t"), sanitized);
    assertTrue(sanitized.startsWith("Column \"BOB\" not found; SQL statement:\n"), sanitized);
    assertTrue(sanitized.endsWith("-- ?\n [42122-224]"), sanitized);
  }

  @Test
  void realH2ErrorsKeepNoLiteral() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:messages");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(20) UNIQUE)");
      statement.execute("INSERT INTO users VALUES (8675309, 'jenny@example.com')");
      String[] failing = {
        "INSERT INTO users VALUES (8675309, 'jenny@example.com')",
        "SELECT * FROM users WHERE email = 'jenny@example.com' FRM",
        "INSERT INTO users VALUES ('not-a-number-77', 'x')",
        "INSERT INTO users VALUES (2, 'waytoolongforthecolumn@example.com')",
        "SELECT * FROM users WHERE id = 'plainword' -- jenny",
        "SELECT 1 / 0 FROM users WHERE email = 'jenny'",
      };
      for (String sql : failing) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          String sanitized = sanitize(e.getMessage());
          assertFalse(sanitized.contains("8675309"), sanitized);
          assertFalse(sanitized.contains("jenny"), sanitized);
          assertFalse(sanitized.contains("not-a-number"), sanitized);
          assertFalse(sanitized.contains("waytoolong"), sanitized);
          assertFalse(sanitized.contains("plainword"), sanitized);
          continue;
        }
        throw new AssertionError("did not fail: " + sql);
      }
    }
  }

  // ---- MySQL / MariaDB

  @Test
  void mariadbSyntaxErrorNearAString() {
    String message =
        "(conn=5) You have an error in your SQL syntax; check the manual that corresponds to your"
            + " MariaDB server version for the right syntax to use near 'secret' WHERE id = 5' at"
            + " line 1";
    String sanitized = sanitize(message);
    assertTrue(sanitized.endsWith("near '? WHERE id = ?' at line ?"), sanitized);
    assertFalse(sanitized.contains("secret"), sanitized);
  }

  @Test
  void mysqlSyntaxErrorStartingAtAString() {
    String message =
        "You have an error in your SQL syntax; near ''hunter2' WHERE id = 5' at line 1";
    String sanitized = sanitize(message);
    assertFalse(sanitized.contains("hunter2"), sanitized);
    assertTrue(sanitized.contains("WHERE id = ?"), sanitized);
  }

  @Test
  void mysqlSyntaxErrorWithAStatementOfEvenQuotes() {
    String message =
        "You have an error in your SQL syntax; near 'FRM users WHERE a = 'x1y2z3' AND b = 7' at"
            + " line 1";
    String sanitized = sanitize(message);
    assertEquals(
        "You have an error in your SQL syntax; near 'FRM users WHERE a = ? AND b = ?' at line ?",
        sanitized);
  }

  @Test
  void mariadbDuplicateEntry() {
    assertEquals(
        "(conn=?) Duplicate entry ? for key ?",
        sanitize("(conn=7) Duplicate entry 'bob@example.com' for key 'users.email'"));
  }

  @Test
  void mariadbQueryTail() {
    String message =
        "(conn=9) Data too long for column 'name' at row 1\n"
            + "Query is: INSERT INTO t (name) VALUES (\"a very long secret\") # note";
    String sanitized = sanitize(message);
    assertFalse(sanitized.contains("secret"), sanitized);
    assertFalse(sanitized.contains("note"), sanitized);
    assertTrue(sanitized.contains("Query is: INSERT INTO t (name) VALUES (?) # ?"), sanitized);
  }

  // ---- PostgreSQL

  @Test
  void postgresInvalidInput() {
    assertEquals(
        "ERROR: invalid input syntax for type integer: \"?\"",
        sanitize("ERROR: invalid input syntax for type integer: \"abc\""));
  }

  @Test
  void postgresKeyDetail() {
    String message =
        "ERROR: duplicate key value violates unique constraint \"users_email_key\"\n"
            + "  Detail: Key (email)=(bob@example.com) already exists.";
    assertEquals(
        "ERROR: duplicate key value violates unique constraint \"users_email_key\"\n"
            + "  Detail: Key (email)=(?) already exists.",
        sanitize(message));
  }

  @Test
  void postgresKeyDetailWithNestedParentheses() {
    assertEquals(
        "Detail: Key (lower(email::text))=(?) already exists.",
        sanitize("Detail: Key (lower(email::text))=(Bob (work)@example.com) already exists."));
  }

  @Test
  void postgresFailingRow() {
    String message =
        "ERROR: null value in column \"email\" of relation \"users\" violates not-null constraint\n"
            + "  Detail: Failing row contains (5, null, bob, 2024-01-01).";
    String sanitized = sanitize(message);
    assertTrue(sanitized.endsWith("Failing row contains (?)."), sanitized);
    assertTrue(sanitized.contains("column \"email\" of relation \"users\""), sanitized);
  }

  @Test
  void postgresJsonToken() {
    assertEquals(
        "ERROR: invalid input syntax for type json\n  Detail: Token \"?\" is invalid.",
        sanitize(
            "ERROR: invalid input syntax for type json\n  Detail: Token \"s3cret\" is invalid."));
  }

  @Test
  void postgresWhereContextEchoingAStatement() {
    String message =
        "ERROR: division by zero\n  Where: SQL statement \"UPDATE t SET a = 'x' / 0\"";
    assertEquals(
        "ERROR: division by zero\n  Where: SQL statement \"UPDATE t SET a = ? / ?\"",
        sanitize(message));
  }

  // ---- free text

  @Test
  void keepsIdentifiersAndErrorCodes() {
    assertEquals(
        "ORA-00942: table or view does not exist",
        sanitize("ORA-00942: table or view does not exist"));
    assertEquals(
        "relation \"orders_2024\" does not exist, column t1.col_2",
        sanitize("relation \"orders_2024\" does not exist, column t1.col_2"));
  }

  @Test
  void replacesNumbersAndQuotedValues() {
    assertEquals(
        "value ? out of range for ? at position ?",
        sanitize("value 12.5e3 out of range for 'amount' at position 42"));
  }

  @Test
  void contractionsAreNotQuotes() {
    assertEquals("Table ? doesn't exist", sanitize("Table 'shop.orders' doesn't exist"));
    assertEquals(
        "Can't connect to server on ? (?)",
        sanitize("Can't connect to server on 'db.internal' (111)"));
    assertEquals(
        "Syntax error in SQL statement \"SELECT N? [*]\"",
        sanitize("Syntax error in SQL statement \"SELECT N'secret' [*]\""));
  }

  @Test
  void anUnbalancedQuoteHidesTheRest() {
    assertEquals("bad value ?", sanitize("bad value 'abc and more secret"));
  }

  @Test
  void doubleQuotedValuesThatAreNotIdentifiersAreHidden() {
    assertEquals("bad \"?\" here", sanitize("bad \"bob@example.com\" here"));
    assertEquals("unbalanced \" quote ?", sanitize("unbalanced \" quote 5"));
  }

  @Test
  void boundsVeryLongMessages() {
    String message = "error near " + "'x' ".repeat(100_000);
    assertTrue(sanitize(message).length() <= SqlSanitizer.MAX_SQL_LENGTH);
  }
}
