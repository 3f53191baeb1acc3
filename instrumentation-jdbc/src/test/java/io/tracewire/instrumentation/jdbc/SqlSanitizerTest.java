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
