package io.tracewire.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlSanitizerTest {

  private static final SqlDialect STANDARD = SqlDialect.STANDARD;
  private static final SqlDialect MYSQL = SqlDialect.DOUBLE_QUOTES_ARE_STRINGS;

  private static String text(String sql) {
    return SqlSanitizer.sanitize(sql, STANDARD).queryText();
  }

  private static String mysqlText(String sql) {
    return SqlSanitizer.sanitize(sql, MYSQL).queryText();
  }

  // ---- literals

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT 'x'                         | SELECT ?",
        "SELECT 'it''s'                     | SELECT ?",
        "SELECT 42, 4.2, .42, 4.2e1, 4E-2   | SELECT ?, ?, ?, ?, ?",
        "SELECT 0xFF, X'FF', x'ff'          | SELECT ?, ?, ?",
        "SELECT B'0101', N'name', E'a\\'b'  | SELECT ?, ?, ?",
        "SELECT $$a 'b' c$$, $q$x$q$        | SELECT ?, ?",
        "SELECT U&'\\0041'                  | SELECT ?",
        "SELECT q'[it's]'                   | SELECT ?",
        "SELECT TRUE, FALSE, NULL           | SELECT TRUE, FALSE, NULL",
        "SELECT a - 5, -5, +5               | SELECT a - ?, -?, +?",
        "SELECT t1.col_2, \"x y\"           | SELECT t1.col_2, \"x y\"",
        "SELECT '1'::int, ARRAY[1, 2]       | SELECT ?::int, ARRAY[?, ?]",
        "SELECT a[1], [b] FROM [t]          | SELECT a[?], [b] FROM [t]",
        "SELECT a ->> 'k' FROM t            | SELECT a ->> ? FROM t",
        "SELECT 123abc                      | SELECT ?",
        "SELECT $12.50, $1                  | SELECT ?, $1",
      })
  void replacesEveryLiteralInTheStandardDialect(String sql, String expected) {
    assertEquals(expected, text(sql));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT \"x\"                        | SELECT ?",
        "SELECT 'a\\'b', \"a\\\"b\"          | SELECT ?, ?",
        "SELECT 'a''b', \"a\"\"b\"           | SELECT ?, ?",
        "SELECT `col`, _utf8mb4'x', b'01'  | SELECT `col`, ?, ?",
        "SELECT 1 # tail 'x'               | SELECT ? # ?",
      })
  void readsMysqlQuotingRules(String sql, String expected) {
    assertEquals(expected, mysqlText(sql));
  }

  @Test
  void backslashesOnlyEscapeInMysqlAndInEStrings() {
    // Standard SQL: the string ends at the quote after the backslash.
    assertEquals("SELECT ?, b", text("SELECT 'a\\', b"));
    assertEquals("SELECT ?", mysqlText("SELECT 'a\\', b"));
    assertEquals("SELECT ?", text("SELECT E'a\\', b"));
  }

  @Test
  void hashStartsACommentOnlyInMysql() {
    assertEquals("SELECT a # b", text("SELECT a # b"));
    assertEquals("SELECT a #?, @?", text("SELECT a #5, @7"));
    assertEquals("SELECT * FROM #temp", text("SELECT * FROM #temp"));
    assertEquals("SELECT a # ?", mysqlText("SELECT a # b"));
  }

  // ---- comments

  @Test
  void replacesCommentTextButKeepsTheMarkers() {
    assertEquals("SELECT ? -- ?\nFROM t", text("SELECT 1 -- secret\nFROM t"));
    assertEquals("SELECT /* ? */ ?", text("SELECT /* secret */ 1"));
    assertEquals("SELECT /**/ ?", text("SELECT /**/ 1"));
    assertEquals("SELECT ? --", text("SELECT 1 --"));
    assertEquals("SELECT /* ? */ ?", text("SELECT /* a /* nested */ b */ 1"));
    // MySQL does not nest: the comment ends at the first */.
    assertEquals("SELECT /* ? */ b */ ?", mysqlText("SELECT /* a /* nested */ b */ 1"));
  }

  @Test
  void quotesAndCommentsDoNotConfuseEachOther() {
    assertEquals("SELECT ?, ?", text("SELECT '-- no', '/* no */'"));
    assertEquals("SELECT /* ? */ ?", text("SELECT /* don't */ 'x'"));
    assertEquals("SELECT ? -- ?\n, ?", text("SELECT 'a' -- it's\n, 'b'"));
  }

  // ---- what stays

  @Test
  void keepsPlaceholdersIdentifiersAndWhitespace() {
    String sql =
        "SELECT a,\n\tb\r\nFROM  t\nWHERE x = ? AND y = :name AND z = $1 AND w = ?2 AND v = @p";
    assertEquals(sql, text(sql));
    assertEquals("SELECT :1, :2 FROM dual", text("SELECT :1, :2 FROM dual"));
    assertEquals("SELECT a[?:?]", text("SELECT a[1:2]"));
    assertEquals("SELECT x::int", text("SELECT x::int"));
  }

  // ---- IN lists

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "WHERE a IN (1, 2, 3)         | WHERE a IN (?)",
        "WHERE a in ('x','y')         | WHERE a in (?)",
        "WHERE a NOT IN (?, ?, ?)     | WHERE a NOT IN (?)",
        "WHERE a IN (-1, +2)          | WHERE a IN (?)",
        "WHERE a IN (1) AND b IN (2)  | WHERE a IN (?) AND b IN (?)",
        "WHERE a IN (x, 1)            | WHERE a IN (x, ?)",
        "WHERE a IN (:x, :y)          | WHERE a IN (:x, :y)",
        "WHERE a IN ($1, $2)          | WHERE a IN ($1, $2)",
        "WHERE a IN (SELECT b FROM c) | WHERE a IN (SELECT b FROM c)",
        "WHERE a IN ()                | WHERE a IN ()",
      })
  void collapsesInListsOfLiterals(String sql, String expected) {
    assertEquals(expected, text(sql));
  }

  @Test
  void collapsesLongInListsToOneSummaryAndText() {
    StringJoiner values = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < 500; i++) {
      values.add(String.valueOf(1000 + i));
    }
    SqlStatementInfo info =
        SqlSanitizer.sanitize("SELECT * FROM orders WHERE id IN " + values, STANDARD);
    assertEquals("SELECT * FROM orders WHERE id IN (?)", info.queryText());
    assertEquals("SELECT orders", info.querySummary());
  }

  // ---- credentials

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        // dialect | sql | expected
        "standard | CREATE USER bob IDENTIFIED BY Secr3tPass | CREATE USER bob IDENTIFIED BY ?",
        "standard | ALTER USER bob IDENTIFIED BY \"P@ssw0rd!\" | ALTER USER bob IDENTIFIED BY ?",
        "standard | alter user bob identified by p@ss!w0rd; | alter user bob identified by ?;",
        "standard | ALTER USER bob IDENTIFIED BY `s3cr`, x | ALTER USER bob IDENTIFIED BY ?, x",
        "standard | ALTER USER bob IDENTIFIED BY [s3cr] | ALTER USER bob IDENTIFIED BY ?",
        "standard | ALTER USER bob IDENTIFIED BY $$s3 cr$$ | ALTER USER bob IDENTIFIED BY ?",
        "standard | ALTER USER bob IDENTIFIED BY \"unterminated | ALTER USER bob IDENTIFIED BY ?",
        "standard | ALTER USER bob IDENTIFIED BY a1 REPLACE b2 "
            + "| ALTER USER bob IDENTIFIED BY ? REPLACE ?",
        "standard | SET ROLE r IDENTIFIED BY S3cr | SET ROLE r IDENTIFIED BY ?",
        "mysql    | CREATE USER 'u'@'%' IDENTIFIED BY 'pw' | CREATE USER ?@? IDENTIFIED BY ?",
        "mysql    | CREATE USER u IDENTIFIED BY \"pw\" | CREATE USER u IDENTIFIED BY ?",
        "mysql    | CREATE USER u IDENTIFIED BY S3cr | CREATE USER u IDENTIFIED BY ?",
        "mysql    | CREATE USER u IDENTIFIED WITH mysql_native_password BY 'pw' "
            + "| CREATE USER u IDENTIFIED WITH mysql_native_password BY ?",
        "mysql    | CREATE USER u IDENTIFIED WITH 'sha256_password' BY S3cr "
            + "| CREATE USER u IDENTIFIED WITH ? BY ?",
        "mysql    | CREATE USER u IDENTIFIED WITH caching_sha2_password AS S3cr "
            + "| CREATE USER u IDENTIFIED WITH caching_sha2_password AS ?",
        "mysql    | CREATE USER u IDENTIFIED VIA ed25519 USING PASSWORD('a b') "
            + "| CREATE USER u IDENTIFIED VIA ed25519 USING ?",
        "standard | CREATE ROLE r PASSWORD 'pw' | CREATE ROLE r PASSWORD ?",
        "standard | ALTER USER u WITH PASSWORD 'pw' | ALTER USER u WITH PASSWORD ?",
        "standard | CREATE ROLE r WITH LOGIN PASSWORD S3cr | CREATE ROLE r WITH LOGIN PASSWORD ?",
        "standard | CREATE USER u PASSWORD \"S3cr\" ADMIN | CREATE USER u PASSWORD ? ADMIN",
        "standard | CREATE LOGIN l WITH PASSWORD = 'pw' | CREATE LOGIN l WITH PASSWORD = ?",
        "standard | CREATE LOGIN l WITH PASSWORD=S3cr, CHECK_POLICY=ON "
            + "| CREATE LOGIN l WITH PASSWORD=?, CHECK_POLICY=ON",
        "standard | CREATE OR REPLACE USER u PASSWORD S3cr | CREATE OR REPLACE USER u PASSWORD ?",
        "standard | ALTER USER u SET PASSWORD S3cr | ALTER USER u SET PASSWORD ?",
        "mysql    | SET PASSWORD = S3cr | SET PASSWORD = ?",
      })
  void hidesPasswordsWhateverTheirQuoting(String dialect, String sql, String expected) {
    SqlDialect lexing = dialect.equals("mysql") ? MYSQL : STANDARD;
    assertEquals(expected, SqlSanitizer.sanitize(sql, lexing).queryText());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        // Keywords that stand where a password could, and are kept.
        "ALTER USER u IDENTIFIED BY VALUES 'S:9F' | ALTER USER u IDENTIFIED BY VALUES ?",
        "ALTER USER u IDENTIFIED BY VALUES \"S:9F\" | ALTER USER u IDENTIFIED BY VALUES ?",
        "CREATE USER u IDENTIFIED BY PASSWORD '*9F' | CREATE USER u IDENTIFIED BY PASSWORD ?",
        "CREATE USER u IDENTIFIED BY RANDOM PASSWORD | CREATE USER u IDENTIFIED BY RANDOM PASSWORD",
        "CREATE USER u IDENTIFIED BY ? PASSWORD EXPIRE "
            + "| CREATE USER u IDENTIFIED BY ? PASSWORD EXPIRE",
        "ALTER USER u PASSWORD HISTORY 5 | ALTER USER u PASSWORD HISTORY ?",
        "ALTER ROLE r PASSWORD NULL | ALTER ROLE r PASSWORD NULL",
        "ALTER USER u DISCARD OLD PASSWORD; SELECT 1 | ALTER USER u DISCARD OLD PASSWORD; SELECT ?",
        "ALTER USER u IDENTIFIED EXTERNALLY | ALTER USER u IDENTIFIED EXTERNALLY",
        // PASSWORD outside a user or role statement is a column.
        "SELECT password FROM users | SELECT password FROM users",
        "SELECT id, password, name FROM users | SELECT id, password, name FROM users",
        "UPDATE users SET password = ? WHERE id = ? | UPDATE users SET password = ? WHERE id = ?",
        "CREATE TABLE users (password VARCHAR(60)) | CREATE TABLE users (password VARCHAR(?))",
        "ALTER TABLE user ADD password TEXT | ALTER TABLE user ADD password TEXT",
        "CREATE USER u PASSWORD 'x'; SELECT password FROM t "
            + "| CREATE USER u PASSWORD ?; SELECT password FROM t",
      })
  void keepsCredentialKeywordsAndPasswordColumns(String sql, String expected) {
    assertEquals(expected, text(sql));
  }

  @Test
  void aPasswordMayFollowALineBreakOrAComment() {
    assertEquals(
        "ALTER USER bob IDENTIFIED BY\n\t? -- ?",
        text("ALTER USER bob IDENTIFIED BY\n\tS3cr -- c"));
    assertEquals(
        "ALTER USER bob IDENTIFIED BY /* ? */ ?\nPASSWORD EXPIRE",
        text("ALTER USER bob IDENTIFIED BY /* new */ S3cr\nPASSWORD EXPIRE"));
    assertEquals("CREATE USER u PASSWORD -- ?\n ?", text("CREATE USER u PASSWORD -- x\n S3cr"));
    assertEquals("SET PASSWORD # ?\n= ?", mysqlText("SET PASSWORD # x\n= S3cr"));
  }

  @Test
  void passwordsStayOutOfTheSummary() {
    SqlStatementInfo info =
        SqlSanitizer.sanitize("ALTER USER bob IDENTIFIED BY \"Secr3t\" REPLACE Old1", STANDARD);
    assertEquals("ALTER USER bob IDENTIFIED BY ? REPLACE ?", info.queryText());
    assertEquals("ALTER", info.operationName());
    assertEquals("ALTER USER bob", info.querySummary());
    assertEquals(
        "SELECT users",
        SqlSanitizer.sanitize("SELECT password FROM users", STANDARD).querySummary());
  }

  @Test
  void randomCredentialStatementsNeverLeakThePassword() {
    String[] fragments = {
      "CREATE", "ALTER", "USER", "ROLE", "LOGIN", "bob", "'u'@'%'", "WITH", "SET", "GRANT",
      "TO", "REPLACE", "PASSWORD", "EXPIRE", "DEFAULT", "=", ",", ";", "(", ")", "?", "--\n",
      "/**/", "\n", "IDENTIFIED", "BY", "VIA", "ed25519", "USING", "AS"
    };
    String[] secrets = {
      "SECRETZ", "S3CRETZ_1", "\"SECRETZ\"", "\"P@ss SECRETZ!\"", "'SECRETZ'", "P@SECRETZ!x",
      "`SECRETZ`", "$$SECRETZ$$", "SECRETZ(1, 2)", "PASSWORD('SECRETZ')", "N'SECRETZ'"
    };
    String[] introducers = {
      "IDENTIFIED BY", "IDENTIFIED WITH plugin BY", "IDENTIFIED VIA plugin USING",
      "IDENTIFIED WITH 'plugin' AS"
    };
    Random random = new Random(4242L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sql = new StringBuilder();
      int parts = 1 + random.nextInt(12);
      for (int k = 0; k < parts; k++) {
        if (random.nextInt(3) == 0) {
          sql.append(' ')
              .append(introducers[random.nextInt(introducers.length)])
              .append(random.nextBoolean() ? " " : "\n /* c */ ")
              .append(secrets[random.nextInt(secrets.length)]);
        } else {
          sql.append(fragments[random.nextInt(fragments.length)]);
        }
        sql.append(' ');
      }
      if (random.nextBoolean()) {
        sql.insert(0, random.nextBoolean() ? "CREATE USER u PASSWORD S3CRETZ_2 " : "ALTER ROLE r ");
      }
      String input = sql.toString();
      for (SqlDialect dialect : SqlDialect.values()) {
        SqlStatementInfo info = SqlSanitizer.sanitize(input, dialect);
        assertFalse(info.queryText().contains("SECRETZ"), input + " -> " + info.queryText());
        assertFalse(
            info.querySummary() != null && info.querySummary().contains("SECRETZ"),
            input + " -> " + info.querySummary());
      }
    }
  }

  // ---- broken input

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT 'abc                 | SELECT ?",
        "SELECT \"abc                | SELECT ?",
        "SELECT `abc                 | SELECT ?",
        "SELECT /* abc               | SELECT /* ?",
        "SELECT $$abc                | SELECT ?",
        "SELECT $t$abc$$             | SELECT ?",
        "SELECT E'abc\\'             | SELECT ?",
        "SELECT q'[abc               | SELECT ?",
        "SELECT 1 -- abc             | SELECT ? -- ?",
        "SELECT [abc                 | SELECT [abc",
      })
  void hidesTheRestAfterAnUnterminatedQuoteOrComment(String sql, String expected) {
    assertEquals(expected, text(sql));
  }

  @Test
  void neverThrowsOnRandomInput() {
    Random random = new Random(20240611L);
    String alphabet = "'\"`[]()$-/*#\\;:.,?@{}=<>+0123456789eExXqQnNbBuU&_ \n\tSELCTFROMWHEIN";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sql = new StringBuilder();
      int length = random.nextInt(80);
      for (int k = 0; k < length; k++) {
        sql.append(
            random.nextInt(12) == 0
                ? (char) random.nextInt(0xFFFF)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = sql.toString();
      for (SqlDialect dialect : SqlDialect.values()) {
        SqlStatementInfo info = SqlSanitizer.sanitize(input, dialect);
        assertNotNull(info.queryText(), input);
        // Comment markers are the only text that grows: "/*x*/" becomes "/* ? */".
        assertTrue(info.queryText().length() <= input.length() * 7 / 5 + 4, input);
        assertTrue(info.querySummary() == null || info.querySummary().length() <= 255, input);
      }
      SqlSanitizer.sanitizeMessage(input);
    }
  }

  @Test
  void randomStatementsNeverLeakAMarkedLiteral() {
    String[] fragments = {
      "SELECT", "FROM", "orders", "t1", "WHERE", "a", "=", "(", ")", ",", ";", "IN", "?", ":p",
      "$1", "JOIN", "ON", "INSERT INTO", "VALUES", "UPDATE", "SET", "DELETE", "WITH", "AS", ".",
      "[dbo]", "\"Q\"", "`b`", "{call", "}", "::int", "ARRAY[", "]", "-", "E", "N", "X", "q",
      "#tmp", "@v", "\n", "\t", "/**/", "--\n"
    };
    String[] standardLiterals = {
      "'SECRETZ'", "'it''s SECRETZ'", "$$SECRETZ$$", "$x$SECRETZ$x$", "E'\\'SECRETZ'",
      "N'SECRETZ'", "q'[SECRETZ']'", "U&'SECRETZ'", "/* SECRETZ */", "-- SECRETZ\n", "97531",
      "9.7531e4", "0x97531", "/* /* SECRETZ */ */"
    };
    String[] mysqlLiterals = {
      "'SECRETZ'", "'a\\'SECRETZ'", "\"SECRETZ\"", "\"a\\\"SECRETZ\"", "# SECRETZ\n",
      "-- SECRETZ\n", "/* SECRETZ */", "_utf8'SECRETZ'", "X'97531'", "97531", "b'97531'"
    };
    Random random = new Random(97531L);
    for (int n = 0; n < 20_000; n++) {
      boolean mysql = random.nextBoolean();
      String[] literals = mysql ? mysqlLiterals : standardLiterals;
      StringBuilder sql = new StringBuilder();
      int parts = 1 + random.nextInt(30);
      for (int k = 0; k < parts; k++) {
        if (random.nextInt(4) == 0) {
          // The space keeps a number from joining a preceding word into an identifier (t197531).
          sql.append(' ').append(literals[random.nextInt(literals.length)]);
        } else {
          sql.append(fragments[random.nextInt(fragments.length)]);
        }
        sql.append(random.nextBoolean() ? " " : "");
      }
      if (random.nextInt(5) == 0) {
        sql.append(mysql ? "\"unterminated SECRETZ" : "'unterminated SECRETZ");
      }
      String input = sql.toString();
      SqlStatementInfo info = SqlSanitizer.sanitize(input, mysql ? MYSQL : STANDARD);
      assertFalse(info.queryText().contains("SECRETZ"), input + " -> " + info.queryText());
      assertFalse(info.queryText().contains("97531"), input + " -> " + info.queryText());
    }
  }

  // ---- length bound

  @Test
  void cutsLongStatementsWithoutLeakingTheLiteralAtTheCut() {
    String head = "SELECT * FROM t WHERE a = ";
    String padding = " ".repeat(SqlSanitizer.MAX_SQL_LENGTH - head.length() - 10);
    String sql = head + padding + "'SECRETSECRETSECRET'";
    String sanitized = text(sql);
    assertFalse(sanitized.contains("SECRET"));
    assertTrue(sanitized.endsWith("?"));
    assertEquals(head.length() + padding.length() + 1, sanitized.length());

    String number = head + padding + "1234567890123456789";
    String cut = text(number);
    assertFalse(cut.contains("12345"));
    assertTrue(cut.endsWith("?"));
  }

  @Test
  void sanitizesAMegabyteStatementWithinTheBound() {
    StringBuilder sql = new StringBuilder("INSERT INTO big_table (a, b) VALUES ");
    while (sql.length() < 1024 * 1024) {
      sql.append("(12345, 'some text value'), ");
    }
    sql.append("(1, 'x')");
    SqlStatementInfo info = SqlSanitizer.sanitize(sql.toString(), STANDARD);
    assertTrue(info.queryText().length() <= SqlSanitizer.MAX_SQL_LENGTH + 16);
    assertFalse(info.queryText().contains("text value"));
    assertFalse(info.queryText().contains("12345"));
    assertEquals("INSERT big_table", info.querySummary());
  }

  @Test
  void neverCutsBetweenTheHalvesOfASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    String sql = "SELECT " + "x".repeat(SqlSanitizer.MAX_SQL_LENGTH - 8) + emoji + " FROM t";
    String sanitized = text(sql);
    assertFalse(Character.isHighSurrogate(sanitized.charAt(sanitized.length() - 1)));
  }

  // ---- operation, collection, summary

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // sql | operation | collection | summary
        "SELECT * FROM orders | SELECT | orders | SELECT orders",
        "select * from Orders o | SELECT | Orders | SELECT Orders",
        "INSERT INTO orders SELECT * FROM cart | INSERT |  | INSERT orders SELECT cart",
        "SELECT * FROM orders o JOIN customers c ON x | SELECT |  | SELECT orders customers",
        "SELECT * FROM (SELECT * FROM orders) x | SELECT |  | SELECT SELECT orders",
        "UPDATE orders SET a = 1 | UPDATE | orders | UPDATE orders",
        "DELETE FROM orders WHERE a = 1 | DELETE | orders | DELETE orders",
        "MERGE INTO orders USING cart ON x | MERGE |  | MERGE orders cart",
        "REPLACE INTO orders VALUES (1) | REPLACE | orders | REPLACE orders",
        "UPSERT INTO orders VALUES (1) | UPSERT | orders | UPSERT orders",
        "CALL update_stock(?) | CALL |  | CALL update_stock",
        "{call update_stock(?)} | CALL |  | CALL update_stock",
        "{? = call update_stock(?)} | CALL |  | CALL update_stock",
        "CREATE TABLE orders (id INT) | CREATE | orders | CREATE TABLE orders",
        "CREATE TABLE IF NOT EXISTS orders (id INT) | CREATE | orders | CREATE TABLE orders",
        "DROP TABLE orders | DROP | orders | DROP TABLE orders",
        "DROP TABLE IF EXISTS orders | DROP | orders | DROP TABLE orders",
        "ALTER TABLE orders ADD c INT | ALTER | orders | ALTER TABLE orders",
        "TRUNCATE orders | TRUNCATE | orders | TRUNCATE TABLE orders",
        "TRUNCATE TABLE orders | TRUNCATE | orders | TRUNCATE TABLE orders",
        "WITH c AS (SELECT * FROM a) UPDATE b SET x=1 | UPDATE |  | SELECT a UPDATE b",
        "SELECT 1 | SELECT |  | SELECT",
        "SELECT * FROM public.orders | SELECT | public.orders | SELECT public.orders",
        "SELECT * FROM \"Orders\" | SELECT | Orders | SELECT Orders",
        "SELECT * FROM `orders` | SELECT | orders | SELECT orders",
        "SELECT * FROM [orders] | SELECT | orders | SELECT orders",
      })
  void describesTheStatement(String sql, String operation, String collection, String summary) {
    SqlStatementInfo info = SqlSanitizer.sanitize(sql, STANDARD);
    assertEquals(operation, info.operationName(), "operation");
    assertEquals(collection, info.collectionName(), "collection");
    assertEquals(summary, info.querySummary(), "summary");
  }

  @Test
  void recognisesNothingInGarbage() {
    SqlStatementInfo info = SqlSanitizer.sanitize("hello world 'x'", STANDARD);
    assertEquals("hello world ?", info.queryText());
    assertNull(info.operationName());
    assertNull(info.collectionName());
    assertNull(info.querySummary());
  }

  @Test
  void cutsTheSummaryAtATargetBoundary() {
    StringBuilder sql = new StringBuilder("SELECT * FROM table_number_0");
    for (int i = 1; i < 100; i++) {
      sql.append(" JOIN table_number_").append(i).append(" ON x = y");
    }
    String summary = SqlSanitizer.sanitize(sql.toString(), STANDARD).querySummary();
    assertTrue(summary.length() <= 255, summary);
    assertTrue(summary.startsWith("SELECT table_number_0 table_number_1 "), summary);
    assertTrue(summary.matches("SELECT( table_number_\\d+)+"), summary);
  }

  @Test
  void toleratesNullInput() {
    SqlStatementInfo info = SqlSanitizer.sanitize(null, STANDARD);
    assertNull(info.queryText());
    assertNull(info.querySummary());
    assertEquals("SELECT ?", SqlSanitizer.sanitize("SELECT 1", null).queryText());
    assertNull(SqlSanitizer.sanitizeMessage(null));
  }

  // ---- small types

  @Test
  void choosesTheDialectFromTheSystemName() {
    assertEquals(MYSQL, SqlDialect.forSystem("mysql"));
    assertEquals(MYSQL, SqlDialect.forSystem("mariadb"));
    assertEquals(MYSQL, SqlDialect.forSystem("MariaDB"));
    assertEquals(STANDARD, SqlDialect.forSystem("postgresql"));
    // Unknown databases are read cautiously: "..." may be a MySQL-style string literal.
    assertEquals(MYSQL, SqlDialect.forSystem("other_sql"));
    assertEquals(MYSQL, SqlDialect.forSystem(null));
    assertEquals(
        "SELECT * FROM t WHERE name = ?",
        SqlSanitizer.sanitize("SELECT * FROM t WHERE name = \"alice\"", SqlDialect.forSystem("other_sql"))
            .queryText());
  }

  @Test
  void statementInfoIsAValue() {
    SqlStatementInfo one = SqlSanitizer.sanitize("SELECT * FROM t WHERE a = 1", STANDARD);
    SqlStatementInfo two = SqlSanitizer.sanitize("SELECT * FROM t WHERE a = 2", STANDARD);
    SqlStatementInfo other = SqlSanitizer.sanitize("SELECT * FROM u", STANDARD);
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertNotEquals(one, other);
    assertTrue(one.toString().contains("collectionName=t"));
  }
}
