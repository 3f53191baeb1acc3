package io.tracewire.instrumentation.jdbc;

import io.tracewire.instrumentation.jdbc.SqlToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds operations and their targets in the tokens of a sanitized statement. It is not a SQL
 * parser: one forward pass that tracks, per parenthesis level, what the next name would mean (a
 * table after FROM, a procedure after CALL, ...). Anything it does not recognise is skipped.
 */
final class SqlStatementParser {

  static final int MAX_SUMMARY_LENGTH = 255;

  /** Words that may start a statement. */
  private static final Set<String> STATEMENT_OPERATIONS =
      words(
          "SELECT INSERT UPDATE DELETE MERGE UPSERT REPLACE CALL EXEC EXECUTE CREATE DROP ALTER"
              + " TRUNCATE WITH EXPLAIN SHOW SET USE BEGIN START COMMIT ROLLBACK SAVEPOINT RELEASE"
              + " GRANT REVOKE DESCRIBE DESC LOCK UNLOCK ANALYZE VACUUM COPY DECLARE PREPARE"
              + " DEALLOCATE RENAME COMMENT PRAGMA REINDEX CHECKPOINT SCRIPT RUNSCRIPT BACKUP");

  /**
   * Words that start a sub-statement right after an opening parenthesis. Kept to reserved words so
   * that a column list such as {@code (comment, desc)} is not taken for statements.
   */
  private static final Set<String> NESTED_OPERATIONS = words("SELECT WITH INSERT UPDATE DELETE");

  /** Words that end a FROM list, so they are never taken for a table name or an alias. */
  private static final Set<String> CLAUSE_WORDS =
      words(
          "SELECT FROM WHERE SET VALUES VALUE ON USING JOIN INNER LEFT RIGHT FULL OUTER CROSS"
              + " NATURAL STRAIGHT_JOIN GROUP ORDER HAVING LIMIT OFFSET FETCH UNION EXCEPT"
              + " INTERSECT MINUS WINDOW RETURNING OUTPUT INTO DEFAULT WITH FOR WHEN THEN ELSE"
              + " END AND OR NOT IS IN AS PARTITION CONNECT START KEY DO TABLESAMPLE PIVOT"
              + " UNPIVOT QUALIFY APPLY OPTION LOCK");

  private static final Set<String> TABLE_PREFIXES = words("ONLY LATERAL OJ");
  private static final Set<String> INSERT_MODIFIERS =
      words(
          "INTO OR REPLACE IGNORE ABORT FAIL ROLLBACK LOW_PRIORITY DELAYED HIGH_PRIORITY ALL"
              + " FIRST");
  private static final Set<String> UPDATE_MODIFIERS = words("LOW_PRIORITY IGNORE ONLY");
  private static final Set<String> DELETE_MODIFIERS = words("LOW_PRIORITY QUICK IGNORE");
  private static final Set<String> DDL_MODIFIERS =
      words(
          "OR REPLACE GLOBAL LOCAL TEMPORARY TEMP UNLOGGED UNIQUE CLUSTERED NONCLUSTERED FULLTEXT"
              + " SPATIAL BITMAP CACHED MEMORY VIRTUAL EXTERNAL PUBLIC FORCE RECURSIVE SECURE"
              + " TRANSIENT LINKED");
  private static final Set<String> DDL_KINDS =
      words(
          "TABLE VIEW MATERIALIZED INDEX SEQUENCE SCHEMA DATABASE PROCEDURE FUNCTION TRIGGER TYPE"
              + " DOMAIN EXTENSION USER ROLE SYNONYM PACKAGE TABLESPACE ALIAS");
  /** Kinds whose name is a collection in the sense of {@code db.collection.name}. */
  private static final Set<String> COLLECTION_KINDS =
      new HashSet<>(Arrays.asList("TABLE", "VIEW", "MATERIALIZED VIEW"));
  private static final Set<String> DDL_NAME_PREFIXES = words("IF NOT EXISTS CONCURRENTLY ONLY");
  private static final Set<String> INTO = words("INTO");
  private static final Set<String> RECURSIVE = words("RECURSIVE");
  private static final Set<String> ONLY = words("ONLY");
  private static final Set<String> PERCENT = words("PERCENT");

  /** How far to look through nested parentheses for a subquery keyword. */
  private static final int MAX_PAREN_LOOKAHEAD = 16;

  private enum Expect {
    NONE,
    /** After FROM or USING: a list of tables. */
    FROM_TABLE,
    /** After a table of a FROM list: an alias, a comma, or the end of the list. */
    AFTER_FROM_TABLE,
    JOIN_TABLE,
    /** After INSERT INTO, UPDATE, MERGE INTO: the single table written to. */
    TARGET_TABLE,
    PROCEDURE
  }

  private enum Cte {
    NONE,
    NAME,
    AFTER_NAME,
    AS,
    IN_BODY,
    AFTER_BODY
  }

  /** What is known at one parenthesis level. */
  private static final class Level {
    Expect expect = Expect.NONE;
    Cte cte = Cte.NONE;
    boolean statementStart;
    /** Opened by a parenthesis: only {@link #NESTED_OPERATIONS} start a statement here. */
    final boolean nested;
    /** An operation at this level owns FROM and JOIN clauses (not EXTRACT(x FROM y)). */
    boolean clauseOwner;
    /** An INSERT at this level: each INTO names a target (Oracle's INSERT ALL INTO a INTO b). */
    boolean insert;

    Level(boolean statementStart, boolean nested) {
      this.statementStart = statementStart;
      this.nested = nested;
    }
  }

  private final List<SqlToken> tokens;
  private final Deque<Level> outer = new ArrayDeque<>();
  private Level level = new Level(true, false);
  private int i;

  private final List<String> parts = new ArrayList<>();
  private final Set<String> tables = new LinkedHashSet<>();
  private final Set<String> cteNames = new HashSet<>();
  private boolean derivedTable;
  /** Statements of a script that had an operation; a collection is only named for one. */
  private int statementsWithOperations;
  private boolean operationInStatement;
  private String firstOperation;
  private String mainOperation;

  private SqlStatementParser(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  static SqlStatementInfo parse(String sanitizedText, List<SqlToken> tokens) {
    SqlStatementParser parser = new SqlStatementParser(tokens);
    parser.run();
    return parser.result(sanitizedText);
  }

  private void run() {
    for (i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.kind == Kind.PUNCT) {
        punct(token.text.charAt(0));
      } else if (token.isName()) {
        name(token);
      } else {
        other(token);
      }
    }
  }

  private SqlStatementInfo result(String text) {
    String operation = mainOperation != null ? mainOperation : firstOperation;
    boolean single = !derivedTable && tables.size() == 1 && statementsWithOperations <= 1;
    String collection = single ? tables.iterator().next() : null;
    return new SqlStatementInfo(text, operation, collection, summary());
  }

  private String summary() {
    if (parts.isEmpty()) {
      return null;
    }
    StringBuilder summary = new StringBuilder();
    for (String part : parts) {
      int needed = summary.length() == 0 ? part.length() : summary.length() + 1 + part.length();
      if (needed > MAX_SUMMARY_LENGTH) {
        break;
      }
      if (summary.length() > 0) {
        summary.append(' ');
      }
      summary.append(part);
    }
    if (summary.length() == 0) {
      // A single target longer than the limit: cut it rather than report nothing.
      summary.append(parts.get(0), 0, MAX_SUMMARY_LENGTH);
    }
    return summary.toString();
  }

  // ---- tokens

  private void punct(char c) {
    switch (c) {
      case '(':
        openParenthesis();
        break;
      case ')':
        if (outer.isEmpty()) {
          level.statementStart = false;
          break;
        }
        level = outer.pop();
        if (level.cte == Cte.IN_BODY) {
          level.cte = Cte.AFTER_BODY;
          level.statementStart = true;
        } else {
          level.statementStart = false;
        }
        break;
      case ',':
        level.statementStart = false;
        if (level.expect == Expect.AFTER_FROM_TABLE) {
          level.expect = Expect.FROM_TABLE;
        } else if (level.cte == Cte.AFTER_BODY) {
          level.cte = Cte.NAME;
        } else {
          level.expect = Expect.NONE;
        }
        break;
      case ';':
        outer.clear();
        level = new Level(true, false);
        operationInStatement = false;
        break;
      case '{':
        // JDBC escape: {call p(?)} and {? = call p(?)} start a statement like plain text does.
        break;
      default:
        break;
    }
  }

  private void openParenthesis() {
    Level inner = new Level(true, true);
    Expect expect = level.expect;
    if (expect == Expect.FROM_TABLE || expect == Expect.JOIN_TABLE) {
      if (isQueryStart(i + 1)) {
        derivedTable = true;
      } else {
        // Parenthesised join: FROM (a JOIN b ON ...)
        inner.expect = Expect.FROM_TABLE;
        inner.clauseOwner = true;
      }
      level.expect = expect == Expect.FROM_TABLE ? Expect.AFTER_FROM_TABLE : Expect.NONE;
    } else if (expect != Expect.AFTER_FROM_TABLE) {
      level.expect = Expect.NONE;
    }
    if (level.cte == Cte.AS) {
      level.cte = Cte.IN_BODY;
    }
    outer.push(level);
    level = inner;
  }

  private void other(SqlToken token) {
    if (level.statementStart && (token.isOperator("=") || token.kind == Kind.PLACEHOLDER)) {
      return; // {? = call p(?)}
    }
    if (level.expect == Expect.PROCEDURE
        && (token.kind == Kind.VARIABLE || token.isOperator("="))) {
      return; // EXEC @result = p
    }
    level.statementStart = false;
    level.expect = Expect.NONE;
  }

  private void name(SqlToken token) {
    String keyword = token.kind == Kind.WORD ? upper(token.text) : null;
    if (expectsName(keyword)) {
      return;
    }
    if (defineCte(keyword)) {
      return;
    }
    if (keyword == null) {
      level.statementStart = false;
      return;
    }
    boolean startsStatement = level.statementStart || level.cte == Cte.AFTER_BODY;
    level.statementStart = false;
    Set<String> operations = level.nested ? NESTED_OPERATIONS : STATEMENT_OPERATIONS;
    if (startsStatement
        && operations.contains(keyword)
        && (keyword.equals("SELECT") || !nextIsPunct('('))) {
      level.cte = Cte.NONE;
      startOperation(keyword);
      return;
    }
    if (keyword.equals("SELECT")) {
      operation("SELECT");
      level.clauseOwner = true;
      return;
    }
    if (keyword.equals("INTO") && level.insert) {
      level.expect = Expect.TARGET_TABLE;
      return;
    }
    if (!level.clauseOwner) {
      return;
    }
    switch (keyword) {
      case "FROM":
        if (!(i > 0 && tokens.get(i - 1).isWord("DISTINCT"))) {
          level.expect = Expect.FROM_TABLE;
        }
        break;
      case "JOIN":
      case "STRAIGHT_JOIN":
        level.expect = Expect.JOIN_TABLE;
        break;
      case "USING":
        // MERGE ... USING source, DELETE ... USING other; not JOIN ... USING (column)
        if (!nextIsPunct('(') || isQueryStart(i + 2)) {
          level.expect = Expect.FROM_TABLE;
        }
        break;
      default:
        break;
    }
  }

  /** Handles a name where a table or procedure is expected; true when the token was consumed. */
  private boolean expectsName(String keyword) {
    switch (level.expect) {
      case FROM_TABLE:
      case JOIN_TABLE:
      case TARGET_TABLE:
        if (keyword != null && TABLE_PREFIXES.contains(keyword)) {
          return true;
        }
        if (keyword == null || !CLAUSE_WORDS.contains(keyword)) {
          table();
          return true;
        }
        level.expect = Expect.NONE;
        return false;
      case AFTER_FROM_TABLE:
        if (keyword == null || keyword.equals("AS") || !CLAUSE_WORDS.contains(keyword)) {
          return true; // alias
        }
        level.expect = Expect.NONE;
        return false;
      case PROCEDURE:
        parts.add(readName());
        level.expect = Expect.NONE;
        return true;
      default:
        return false;
    }
  }

  private void table() {
    Expect expect = level.expect;
    String name = readName();
    level.expect = expect == Expect.FROM_TABLE ? Expect.AFTER_FROM_TABLE : Expect.NONE;
    if (expect != Expect.TARGET_TABLE && nextIsPunct('(')) {
      return; // table function: FROM generate_series(1, 10)
    }
    if (cteNames.contains(upper(name))) {
      derivedTable = true; // reads a common table expression, not a table
      return;
    }
    addTable(name);
  }

  /** WITH name [(columns)] AS [NOT MATERIALIZED] (body), ... */
  private boolean defineCte(String keyword) {
    switch (level.cte) {
      case NAME:
        cteNames.add(upper(readName()));
        level.cte = Cte.AFTER_NAME;
        return true;
      case AFTER_NAME:
        level.cte = "AS".equals(keyword) ? Cte.AS : Cte.NONE;
        return true;
      case AS:
        if ("NOT".equals(keyword) || "MATERIALIZED".equals(keyword)) {
          return true;
        }
        level.cte = Cte.NONE;
        return false;
      default:
        return false;
    }
  }

  private void startOperation(String keyword) {
    if (firstOperation == null && !keyword.equals("WITH")) {
      firstOperation = keyword;
    }
    if (outer.isEmpty() && (mainOperation == null || mainOperation.equals("WITH"))) {
      // The operation of a WITH statement is the one of its main statement, at depth 0.
      mainOperation = keyword;
    }
    switch (keyword) {
      case "SELECT":
        operation(keyword);
        level.clauseOwner = true;
        break;
      case "INSERT":
      case "REPLACE":
      case "UPSERT":
        operation(keyword);
        skipTop();
        skipWords(INSERT_MODIFIERS);
        level.expect = Expect.TARGET_TABLE;
        level.insert = true;
        break;
      case "MERGE":
        operation(keyword);
        skipWords(INTO);
        level.expect = Expect.TARGET_TABLE;
        level.clauseOwner = true;
        break;
      case "UPDATE":
        operation(keyword);
        skipTop();
        skipWords(UPDATE_MODIFIERS);
        level.expect = Expect.TARGET_TABLE;
        level.clauseOwner = true;
        break;
      case "DELETE":
        operation(keyword);
        skipTop();
        skipWords(DELETE_MODIFIERS);
        level.clauseOwner = true;
        if (!(i + 1 < tokens.size() && tokens.get(i + 1).isWord("FROM"))) {
          level.expect = Expect.TARGET_TABLE; // SQL Server: DELETE orders WHERE ...
        }
        break;
      case "CALL":
      case "EXEC":
      case "EXECUTE":
        operation(keyword);
        level.expect = Expect.PROCEDURE;
        break;
      case "CREATE":
      case "DROP":
      case "ALTER":
      case "TRUNCATE":
        ddl(keyword);
        break;
      case "WITH":
        skipWords(RECURSIVE);
        level.cte = Cte.NAME;
        break;
      case "EXPLAIN":
        operation(keyword);
        level.statementStart = true; // the explained statement follows
        break;
      case "GRANT":
      case "REVOKE":
        operation(keyword);
        skipStatement(); // GRANT SELECT, INSERT ON ...: privileges, not operations
        break;
      default:
        operation(keyword);
        break;
    }
  }

  /** CREATE / DROP / ALTER / TRUNCATE: the summary names the kind of object, then the object. */
  private void ddl(String verb) {
    skipWords(DDL_MODIFIERS);
    String kind = null;
    if (i + 1 < tokens.size() && tokens.get(i + 1).kind == Kind.WORD) {
      String word = upper(tokens.get(i + 1).text);
      if (DDL_KINDS.contains(word)) {
        i++;
        kind = word;
        if (word.equals("MATERIALIZED") && nextIsWord("VIEW")) {
          i++;
          kind = "MATERIALIZED VIEW";
        }
      }
    }
    if (kind == null && verb.equals("TRUNCATE")) {
      kind = "TABLE"; // TRUNCATE orders and TRUNCATE TABLE orders summarise alike
    }
    if (kind == null) {
      operation(verb);
      return;
    }
    operation(verb + " " + kind);
    skipWords(DDL_NAME_PREFIXES);
    boolean list = verb.equals("DROP") || verb.equals("TRUNCATE");
    while (i + 1 < tokens.size() && tokens.get(i + 1).isName() && !nextIsWord("ON")) {
      i++;
      String name = readName();
      if (COLLECTION_KINDS.contains(kind)) {
        addTable(name);
      } else {
        parts.add(name);
      }
      if (!(list && nextIsPunct(','))) {
        break;
      }
      i++;
    }
    if (kind.equals("INDEX") && nextIsWord("ON")) {
      i++;
      skipWords(ONLY);
      if (i + 1 < tokens.size() && tokens.get(i + 1).isName()) {
        i++;
        addTable(readName());
      }
    }
  }

  // ---- helpers

  private void operation(String name) {
    parts.add(name);
    if (!operationInStatement) {
      operationInStatement = true;
      statementsWithOperations++;
    }
  }

  private void addTable(String name) {
    parts.add(name);
    tables.add(name);
  }

  /** Reads {@code a}, {@code a.b}, {@code a..b} starting at the current token; stops on its end. */
  private String readName() {
    StringBuilder name = new StringBuilder(tokens.get(i).text);
    while (nextIsPunct('.')) {
      name.append('.');
      i++;
      if (i + 1 < tokens.size() && tokens.get(i + 1).isName()) {
        i++;
        name.append(tokens.get(i).text);
      }
    }
    return name.toString();
  }

  /** Whether the tokens from {@code index} open a query: SELECT, WITH, VALUES, or ((SELECT. */
  private boolean isQueryStart(int index) {
    int k = index;
    while (k < tokens.size() && k - index < MAX_PAREN_LOOKAHEAD && tokens.get(k).isPunct('(')) {
      k++;
    }
    if (k >= tokens.size()) {
      return false;
    }
    SqlToken token = tokens.get(k);
    return token.isWord("SELECT") || token.isWord("WITH") || token.isWord("VALUES");
  }

  /** SQL Server: UPDATE TOP (10) orders, DELETE TOP 5 FROM orders. */
  private void skipTop() {
    if (!nextIsWord("TOP")) {
      return;
    }
    i++;
    if (nextIsPunct('(')) {
      while (i + 1 < tokens.size() && !tokens.get(i + 1).isPunct(')')) {
        i++;
      }
      i++;
    } else if (i + 1 < tokens.size() && !tokens.get(i + 1).isName()) {
      i++;
    }
    skipWords(PERCENT);
  }

  /** Moves to the last token before the next {@code ;}. */
  private void skipStatement() {
    while (i + 1 < tokens.size() && !tokens.get(i + 1).isPunct(';')) {
      i++;
    }
  }

  private void skipWords(Set<String> words) {
    while (i + 1 < tokens.size()
        && tokens.get(i + 1).kind == Kind.WORD
        && words.contains(upper(tokens.get(i + 1).text))) {
      i++;
    }
  }

  private boolean nextIsPunct(char c) {
    return i + 1 < tokens.size() && tokens.get(i + 1).isPunct(c);
  }

  private boolean nextIsWord(String keyword) {
    return i + 1 < tokens.size() && tokens.get(i + 1).isWord(keyword);
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }

  private static Set<String> words(String spaceSeparated) {
    return new HashSet<>(Arrays.asList(spaceSeparated.split(" ")));
  }
}
