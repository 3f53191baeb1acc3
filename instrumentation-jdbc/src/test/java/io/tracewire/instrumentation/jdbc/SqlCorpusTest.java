package io.tracewire.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Runs every case of {@code sql-corpus.txt}; the file's header describes the format. */
class SqlCorpusTest {

  private static final String RESOURCE = "/sql-corpus.txt";
  private static final List<Case> CASES = load();

  @TestFactory
  Stream<DynamicTest> corpus() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  @Test
  void corpusIsLargeAndUsesBothDialects() {
    assertTrue(CASES.size() >= 220, "only " + CASES.size() + " cases");
    assertTrue(CASES.stream().anyMatch(c -> c.dialect == SqlDialect.DOUBLE_QUOTES_ARE_STRINGS));
    assertTrue(CASES.stream().filter(c -> !c.secrets.isEmpty()).count() >= 180);
  }

  private static void check(Case c) {
    SqlStatementInfo info = SqlSanitizer.sanitize(c.sql, c.dialect);
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(c.operation, info.operationName(), "operation"));
    checks.add(() -> assertEquals(c.collection, info.collectionName(), "collection"));
    checks.add(() -> assertEquals(c.summary, info.querySummary(), "summary"));
    if (c.text != null) {
      checks.add(() -> assertEquals(c.text, info.queryText(), "text"));
    }
    for (String secret : c.secrets) {
      checks.add(() -> assertTrue(c.sql.contains(secret), "corpus: not in sql: " + secret));
      checks.add(
          () ->
              assertFalse(
                  info.queryText().contains(secret),
                  "leaked " + secret + " in " + info.queryText()));
      checks.add(
          () ->
              assertFalse(
                  info.querySummary() != null && info.querySummary().contains(secret),
                  "leaked " + secret + " in summary " + info.querySummary()));
    }
    assertAll(c.sql, checks.stream());
  }

  private static final class Case {
    int line;
    SqlDialect dialect = SqlDialect.STANDARD;
    String sql;
    String operation;
    String collection;
    String summary;
    String text;
    List<String> secrets;
    boolean hasOperation;
    boolean hasCollection;
    boolean hasSummary;

    String name() {
      String oneLine = sql.replace('\n', ' ');
      return "line " + line + ": " + (oneLine.length() > 80 ? oneLine.substring(0, 80) : oneLine);
    }
  }

  private static List<Case> load() {
    InputStream in = SqlCorpusTest.class.getResourceAsStream(RESOURCE);
    assertNotNull(in, RESOURCE);
    List<Case> cases = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Case current = null;
      int lineNumber = 0;
      String lastKey = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.trim().isEmpty()) {
          finish(current, cases);
          current = null;
          continue;
        }
        if (line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("  ")) {
          if (current == null || !"sql".equals(lastKey)) {
            throw new IllegalStateException("line " + lineNumber + ": continuation without sql");
          }
          current.sql += "\n" + line.substring(2);
          continue;
        }
        int colon = line.indexOf(": ");
        if (colon < 0) {
          throw new IllegalStateException("line " + lineNumber + ": no key: " + line);
        }
        if (current == null) {
          current = new Case();
          current.line = lineNumber;
        }
        String key = line.substring(0, colon);
        String value = line.substring(colon + 2);
        lastKey = key;
        switch (key) {
          case "dialect":
            current.dialect = dialect(value, lineNumber);
            break;
          case "sql":
            current.sql = value;
            break;
          case "expect.operation":
            current.operation = orNull(value);
            current.hasOperation = true;
            break;
          case "expect.collection":
            current.collection = orNull(value);
            current.hasCollection = true;
            break;
          case "expect.summary":
            current.summary = orNull(value);
            current.hasSummary = true;
            break;
          case "expect.text":
            current.text = value;
            break;
          case "secrets":
            current.secrets =
                value.equals("-") ? Collections.emptyList() : Arrays.asList(value.split(","));
            break;
          default:
            throw new IllegalStateException("line " + lineNumber + ": unknown key " + key);
        }
      }
      finish(current, cases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static void finish(Case c, List<Case> cases) {
    if (c == null) {
      return;
    }
    if (c.sql == null
        || c.secrets == null
        || !c.hasOperation
        || !c.hasCollection
        || !c.hasSummary) {
      throw new IllegalStateException("line " + c.line + ": incomplete case");
    }
    cases.add(c);
  }

  private static SqlDialect dialect(String value, int line) {
    switch (value) {
      case "standard":
        return SqlDialect.STANDARD;
      case "mysql":
        return SqlDialect.DOUBLE_QUOTES_ARE_STRINGS;
      default:
        throw new IllegalStateException("line " + line + ": unknown dialect " + value);
    }
  }

  private static String orNull(String value) {
    return value.equals("-") ? null : value;
  }
}
