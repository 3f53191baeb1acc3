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

  @Test
  void h2ConstantsThatCannotBeParsedAreHidden() {
    assertEquals(
        "Cannot parse \"TIMESTAMP\" constant \"?\"; SQL statement:\n"
            + "SELECT TIMESTAMP ? [22007-240]",
        sanitize(
            "Cannot parse \"TIMESTAMP\" constant \"bob smith\"; SQL statement:\n"
                + "SELECT TIMESTAMP 'bob smith' [22007-240]"));
    // Without spaces the value would pass for an identifier.
    assertEquals(
        "Cannot parse \"DATE\" constant \"?\"",
        sanitize("Cannot parse \"DATE\" constant \"bobsmith\""));
    assertEquals(
        "Cannot parse \"INTERVAL\" constant \"?\"",
        sanitize("Cannot parse \"INTERVAL\" constant \"jane \"\"jd\"\" doe\""));
    assertEquals(
        "Invalid TO_CHAR format \"?\"", sanitize("Invalid TO_CHAR format \"jane doe\""));
    assertEquals("Error parsing \"?\"", sanitize("Error parsing \"jane doe\""));
  }

  @Test
  void h2StatementInASyntaxErrorIsSanitizedAsSql() {
    // H2 writes the line break as \000a: the comment ends there, not at the closing quote.
    String message =
        "Syntax error in SQL statement \"SELECT * FROM users WHERE email = 'x' -- secret note"
            + "\\000a[*]FRM\"; SQL statement:\n"
            + "SELECT * FROM users WHERE email = 'x' -- secret note\nFRM [42000-240]";
    assertEquals(
        "Syntax error in SQL statement \"SELECT * FROM users WHERE email = ? -- ?\\000a[*]FRM\";"
            + " SQL statement:\nSELECT * FROM users WHERE email = ? -- ?\nFRM [42000-240]",
        sanitize(message));
    // Doubled quotes and backslashes are H2's escaping, not the end of a string or identifier.
    assertEquals(
        "Syntax error in SQL statement \"SELECT \"\"a b\"\", ? [*]FRM\" [42000-240]",
        sanitize(
            "Syntax error in SQL statement \"SELECT \"\"a b\"\", 'it\\\\''s secret' [*]FRM\""
                + " [42000-240]"));
    // An unterminated string hides the rest of the statement, as it does in SQL.
    assertEquals(
        "Syntax error in SQL statement \"SELECT ?\" [42000-240]",
        sanitize("Syntax error in SQL statement \"SELECT $$ bob smith [*]FRM\" [42000-240]"));
  }

  @Test
  void h2PasswordsAreHiddenWhereverTheMessageRepeatsThem() {
    // H2 takes an unquoted password for a column and names it, upper-cased, in the message.
    assertEquals(
        "Column \"?\" not found; SQL statement:\nCREATE USER bob PASSWORD ? [42122-240]",
        sanitize(
            "Column \"SECR3TPASS\" not found; SQL statement:\n"
                + "CREATE USER bob PASSWORD Secr3tPass [42122-240]"));
    assertEquals(
        "Syntax error in SQL statement \"ALTER USER sa [*]IDENTIFIED BY ?\";"
            + " expected \"SET, RENAME TO, ADMIN\"; SQL statement:\n"
            + "ALTER USER sa IDENTIFIED BY ? [42001-240]",
        sanitize(
            "Syntax error in SQL statement \"ALTER USER sa [*]IDENTIFIED BY Secr3tPass\";"
                + " expected \"SET, RENAME TO, ADMIN\"; SQL statement:\n"
                + "ALTER USER sa IDENTIFIED BY Secr3tPass [42001-240]"));
    // Only whole words go: a name that merely contains the password stays.
    assertEquals(
        "Column \"PW_HISTORY\" not found; SQL statement:\nCREATE USER bob PASSWORD ? [42122-240]",
        sanitize(
            "Column \"PW_HISTORY\" not found; SQL statement:\n"
                + "CREATE USER bob PASSWORD pw [42122-240]"));
  }

  @Test
  void realH2ErrorsKeepNoValueOrPassword() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:values");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE people (id INT PRIMARY KEY, born DATE, mood ENUM('a', 'b'))");
      String[] failing = {
        "SELECT TIMESTAMP 'bob smith'",
        "SELECT CAST('bob smith' AS DATE)",
        "INSERT INTO people (id, born) VALUES (1, 'bob smith')",
        "INSERT INTO people (id, mood) VALUES (2, 'bob smith')",
        "SELECT INTERVAL 'bob smith' DAY",
        "SELECT TO_CHAR(1, 'bob smith')",
        "CREATE USER bob PASSWORD Secr3tPass",
        "CREATE USER bob PASSWORD \"Secr3tPass\"",
        "ALTER USER sa IDENTIFIED BY Secr3tPass",
        "ALTER USER sa SET PASSWORD Secr3tPass",
        "SELECT * FROM people WHERE id = 1 -- bob smith\nFRM",
      };
      for (String sql : failing) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          String sanitized = sanitize(e.getMessage());
          assertFalse(sanitized.toLowerCase().contains("bob smith"), sanitized);
          assertFalse(sanitized.toLowerCase().contains("secr3t"), sanitized);
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
  void mysqlDuplicateEntryHidesValuesHoldingQuotes() {
    assertEquals(
        "Duplicate entry ? for key ?", sanitize("Duplicate entry 'x' for key 'PRIMARY'"));
    assertEquals(
        "Duplicate entry ? for key ?",
        sanitize("Duplicate entry 'O'Brien-jane@example.com' for key 'users.email'"));
    assertEquals(
        "Duplicate entry ? for key ?",
        sanitize("Duplicate entry 'it's a 'quoted' secret' for key 'PRIMARY'"));
    assertEquals(
        "Incorrect integer value: ? for column ? at row ?",
        sanitize("Incorrect integer value: 'O'Brien' for column 'id' at row 1"));
    assertEquals(
        "Incorrect datetime value: ? for column `shop`.`users`.`born` at row ?",
        sanitize(
            "Incorrect datetime value: 'bob smith' for column `shop`.`users`.`born` at row 1"));
  }

  @Test
  void mysqlPasswordsInASyntaxErrorFragment() {
    String message =
        "You have an error in your SQL syntax; check the manual for the right syntax to use near"
            + " 'IDENTIFIED BY Secr3tPass' at line 1";
    String sanitized = sanitize(message);
    assertTrue(sanitized.endsWith("near 'IDENTIFIED BY ?' at line ?"), sanitized);
    assertEquals(
        "(conn=?) Operation CREATE USER failed\nQuery is: CREATE USER u IDENTIFIED BY ?",
        sanitize(
            "(conn=3) Operation CREATE USER failed\nQuery is: CREATE USER u IDENTIFIED BY S3cr"));
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
  void postgresKeyDetailWithAParenthesisInTheValue() {
    assertEquals(
        "Detail: Key (email)=(?) already exists.",
        sanitize("Detail: Key (email)=(bob:-)@example.com) already exists."));
    assertEquals(
        "Detail: Key (id)=(?) is not present in table \"users\".",
        sanitize("Detail: Key (id)=(x) y) is not present in table \"users\"."));
    // Ranges leave parentheses unbalanced.
    assertEquals(
        "Detail: Key (room, during)=(?) conflicts with existing key (room, during)=(?).",
        sanitize(
            "Detail: Key (room, during)=(101, [\"2024-01-01 10:00\",\"2024-01-01 11:00\"))"
                + " conflicts with existing key (room, during)=(101, [\"2024-01-01 09:00\","
                + "\"2024-01-01 10:30\"))."));
    // Without a recognisable end the rest of the line goes.
    assertEquals(
        "Detail: Key (email)=(?\nnext line",
        sanitize("Detail: Key (email)=(bob) and more\nnext line"));
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

  // ---- SQL Server

  @Test
  void sqlServerDuplicateKeyValue() {
    assertEquals(
        "Violation of UNIQUE KEY constraint ?. Cannot insert duplicate key in object ?."
            + " The duplicate key value is (?).",
        sanitize(
            "Violation of UNIQUE KEY constraint 'UQ_users_email'. Cannot insert duplicate key in"
                + " object 'dbo.users'. The duplicate key value is (jane@example.com)."));
    assertEquals(
        "Cannot insert duplicate key row in object ? with unique index ?."
            + " The duplicate key value is (?).",
        sanitize(
            "Cannot insert duplicate key row in object 'dbo.users' with unique index 'IX_name'."
                + " The duplicate key value is (jane (jd) doe, 42)."));
    assertEquals(
        "The duplicate key value is (?). The statement has been terminated.",
        sanitize(
            "The duplicate key value is (jane) doe). The statement has been terminated."));
  }

  @Test
  void sqlServerConversionAndTruncation() {
    assertEquals(
        "Conversion failed when converting the varchar value ? to data type int.",
        sanitize(
            "Conversion failed when converting the varchar value 'jane doe' to data type int."));
    assertEquals(
        "String or binary data would be truncated in table ?, column ?. Truncated value: ?.",
        sanitize(
            "String or binary data would be truncated in table 'shop.dbo.users', column 'name'."
                + " Truncated value: 'jane smi'."));
  }

  // ---- Oracle

  @Test
  void oracleValueTooLargeKeepsTheColumn() {
    assertEquals(
        "ORA-12899: value too large for column \"S\".\"T\".\"C\" (actual: ?, maximum: ?)",
        sanitize(
            "ORA-12899: value too large for column \"S\".\"T\".\"C\" (actual: 20, maximum: 10)"));
    assertEquals(
        "ORA-00001: unique constraint (HR.EMP_EMAIL_UK) violated",
        sanitize("ORA-00001: unique constraint (HR.EMP_EMAIL_UK) violated"));
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

  @Test
  void postgresEchoOfTheOffendingTokenIsHidden() {
    // ALTER USER bob PASSWORD Secr3t: PostgreSQL names the unquoted password as the bad token.
    assertEquals(
        "ERROR: syntax error at or near \"?\"\n  Position: ?",
        MessageSanitizer.sanitize("ERROR: syntax error at or near \"Secr3t\"\n  Position: 25"));
  }
}
