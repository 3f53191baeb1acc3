package io.tracewire.instrumentation.jdbc;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sanitizes driver error messages, which are free text around fragments of the statement.
 *
 * <ul>
 *   <li>{@code '...'} becomes {@code ?}; an unbalanced quote hides the rest of the message. The
 *       apostrophe of {@code doesn't} or {@code table's} is not a quote.
 *   <li>Numbers become {@code ?}, except digits inside words ({@code t1}) and error codes such as
 *       {@code ORA-00942}.
 *   <li>{@code "..."} is an identifier when it looks like one and stays; holding spaces it is a
 *       phrase and is sanitized inside; anything else is a value and becomes {@code ?}, as does any
 *       {@code "..."} right after {@code ": "} (PostgreSQL's {@code for type integer: "abc"}, H2's
 *       {@code violation: "..."}), {@code Token}, {@code converting}, {@code constant} (H2's
 *       {@code Cannot parse "DATE" constant "..."}), {@code value}, {@code parsing}, {@code
 *       format} or {@code near} (PostgreSQL's {@code syntax error at or near "..."} echoes the
 *       offending token, which may be an unquoted password).
 *   <li>In H2 messages, {@code "..."} after {@code statement} ({@code Syntax error in SQL
 *       statement "..."}) is sanitized as SQL.
 *   <li>Parenthesised values lose their content: PostgreSQL's {@code Key (email)=(...)} and {@code
 *       Failing row contains (...)}, SQL Server's {@code The duplicate key value is (...)}.
 *   <li>MySQL/MariaDB {@code Duplicate entry '...' for key} and {@code value: '...' for column}
 *       hide the value even when it holds quotes.
 *   <li>MySQL/MariaDB {@code near '...' at line N} holds the statement from the error on; it is
 *       sanitized as MySQL SQL, starting inside a string when its quotes are unbalanced.
 *   <li>A statement appended after H2's {@code SQL statement:} or MariaDB's {@code Query is:} is
 *       sanitized as SQL; H2's trailing {@code [42000-224]} error code stays. A password that
 *       statement holds as a name ({@code PASSWORD Secr3t}) is hidden from the rest of the message
 *       too, where H2 repeats it as {@code Column "SECR3T" not found}.
 * </ul>
 */
final class MessageSanitizer {

  private static final String H2_STATEMENT = "SQL statement:";
  private static final String MARIADB_STATEMENT = "Query is:";
  private static final String AT_LINE = "' at line ";
  private static final String FOR_KEY = "' for key ";
  private static final String FOR_COLUMN = "' for column ";
  private static final String[] CONTRACTIONS = {"t", "s", "re", "ll", "ve", "d", "m"};
  /** Words after which drivers write a value in double quotes rather than a name. */
  private static final String[] VALUE_WORDS = {
    ": ", "Token ", "converting ", "constant ", "value ", "parsing ", "format ", "near "
  };
  /** What follows a parenthesised list of values in PostgreSQL's details, besides a period. */
  private static final String[] AFTER_VALUES = {" already ", " is ", " conflicts "};

  private final String text;
  private final StringBuilder out;
  /** The message ends with H2's error code, so a quoted statement is in H2's escaping. */
  private final boolean h2;
  /** Where MySQL's {@code ' at line } last occurs, found once to keep the pass linear. */
  private final int atLine;
  /** Where MySQL's {@code ' for key } and {@code ' for column } last occur. */
  private final int forKey;
  private final int forColumn;

  private MessageSanitizer(String text, boolean h2) {
    this.text = text;
    this.h2 = h2;
    this.out = new StringBuilder(text.length());
    this.atLine = text.lastIndexOf(AT_LINE);
    this.forKey = text.lastIndexOf(FOR_KEY);
    this.forColumn = text.lastIndexOf(FOR_COLUMN);
  }

  static String sanitize(String message) {
    String suffix = h2ErrorCode(message);
    String body = message.substring(0, message.length() - suffix.length());
    int h2 = body.indexOf(H2_STATEMENT);
    int mariadb = body.indexOf(MARIADB_STATEMENT);
    String tail = "";
    SqlDialect dialect = SqlDialect.STANDARD;
    int tailStart = -1;
    if (h2 >= 0 && (mariadb < 0 || h2 < mariadb)) {
      tailStart = h2 + H2_STATEMENT.length();
    } else if (mariadb >= 0) {
      tailStart = mariadb + MARIADB_STATEMENT.length();
      dialect = SqlDialect.DOUBLE_QUOTES_ARE_STRINGS;
    }
    if (tailStart >= 0) {
      SqlLexer lexer = SqlLexer.lex(body.substring(tailStart), dialect);
      tail = lexer.sanitized();
      body = hideWords(body.substring(0, tailStart), lexer.secretWords());
    }
    MessageSanitizer sanitizer = new MessageSanitizer(body, !suffix.isEmpty());
    sanitizer.freeText(0, body.length(), false);
    return sanitizer.out.append(tail).append(suffix).toString();
  }

  /**
   * Replaces every whole word of {@code body} that is one of {@code secrets}, ignoring case: H2
   * upper-cases an unquoted password it took for a column name.
   */
  private static String hideWords(String body, List<String> secrets) {
    if (secrets.isEmpty()) {
      return body;
    }
    Set<String> upper = new HashSet<>();
    for (String secret : secrets) {
      upper.add(secret.toUpperCase(Locale.ROOT));
    }
    StringBuilder hidden = new StringBuilder(body.length());
    int k = 0;
    while (k < body.length()) {
      if (!isWordChar(body.charAt(k))) {
        hidden.append(body.charAt(k++));
        continue;
      }
      int end = k;
      while (end < body.length() && isWordChar(body.charAt(end))) {
        end++;
      }
      String word = body.substring(k, end);
      hidden.append(upper.contains(word.toUpperCase(Locale.ROOT)) ? "?" : word);
      k = end;
    }
    return hidden.toString();
  }

  /** H2 ends its messages with {@code [errorCode-build]}, which is worth keeping. */
  private static String h2ErrorCode(String message) {
    int end = message.length() - 1;
    if (end < 0 || message.charAt(end) != ']') {
      return "";
    }
    int open = message.lastIndexOf('[');
    int dash = message.indexOf('-', open + 1);
    if (open < 0
        || dash < 0
        || !allDigits(message, open + 1, dash)
        || !allDigits(message, dash + 1, end)) {
      return "";
    }
    // The space before the code goes with it, so that a comment ending the statement keeps it.
    while (open > 0 && message.charAt(open - 1) == ' ') {
      open--;
    }
    return message.substring(open);
  }

  private static boolean allDigits(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Sanitizes {@code text[from, to)} into {@code out}; inside a quoted phrase " is plain. */
  private void freeText(int from, int to, boolean insideDoubleQuotes) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\'' && isApostrophe(i, to)) {
        out.append(c);
        i++;
      } else if (c == '\'') {
        if (!insideDoubleQuotes && endsWith(i, "near ") && atLine > i) {
          i = near(i);
          continue;
        }
        int end = mysqlValueEnd(i, to);
        if (end < 0) {
          end = skipSingleQuoted(i + 1, to);
        }
        out.append('?');
        if (end < 0) {
          return;
        }
        i = end;
      } else if (c == '"' && !insideDoubleQuotes) {
        i = doubleQuoted(i, to);
      } else if (isDigit(c) && !(i > from && isWordChar(text.charAt(i - 1)))) {
        i = number(i, to);
      } else if (c == '('
          && (endsWith(i, ")=") || endsWith(i, "contains ") || endsWith(i, "value is "))) {
        out.append('(');
        i = valueGroup(i + 1, to);
      } else {
        out.append(c);
        i++;
      }
    }
  }

  /**
   * The apostrophe of an English contraction ({@code doesn't}, {@code table's}), which would
   * otherwise open a quote that hides the rest of the message. {@code N'secret'} is not one.
   */
  private boolean isApostrophe(int quote, int to) {
    if (quote == 0 || !Character.isLetter(text.charAt(quote - 1))) {
      return false;
    }
    for (String ending : CONTRACTIONS) {
      int end = quote + 1 + ending.length();
      if (end <= to
          && text.regionMatches(quote + 1, ending, 0, ending.length())
          && (end == to || !Character.isLetterOrDigit(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * MySQL prints {@code Duplicate entry '<value>' for key '<name>'} and {@code Incorrect integer
   * value: '<value>' for column ...} without escaping quotes in the value, so the value ends at the
   * last {@code ' for key } (or {@code ' for column }) rather than at its next quote. -1 when the
   * quote at {@code quote} starts no such value.
   */
  private int mysqlValueEnd(int quote, int to) {
    if (endsWith(quote, "Duplicate entry ") && forKey > quote && forKey < to) {
      return forKey + 1;
    }
    if (endsWith(quote, "value: ") && forColumn > quote && forColumn < to) {
      return forColumn + 1;
    }
    return -1;
  }

  /** MySQL: {@code near '<rest of statement>' at line N}. */
  private int near(int quote) {
    String fragment = text.substring(quote + 1, atLine);
    if (hasOddQuotes(fragment)) {
      fragment = "'" + fragment; // the error is inside a string literal
    }
    out.append('\'')
        .append(SqlLexer.lex(fragment, SqlDialect.DOUBLE_QUOTES_ARE_STRINGS).sanitized())
        .append('\'');
    return atLine + 1;
  }

  private int doubleQuoted(int quote, int to) {
    int k = quote + 1;
    while (k < to) {
      if (text.charAt(k) == '"') {
        if (k + 1 < to && text.charAt(k + 1) == '"') {
          k += 2; // H2 doubles quotes inside quoted text
          continue;
        }
        break;
      }
      k++;
    }
    if (k >= to) {
      out.append('"'); // unbalanced: an ordinary character
      return quote + 1;
    }
    int start = quote + 1;
    out.append('"');
    if (isValuePosition(quote)) {
      out.append('?');
    } else if (h2 && endsWith(quote, "statement ")) {
      out.append(quotedStatement(start, k));
    } else if (hasWhitespace(start, k) || isIdentifierLike(start, k)) {
      freeText(start, k, true);
    } else {
      out.append('?');
    }
    out.append('"');
    return k + 1;
  }

  /**
   * Where drivers quote a value rather than a name: PostgreSQL's {@code for type integer: "abc"}
   * and {@code Token "abc"}, H2's {@code converting "abc"}, {@code Cannot parse "DATE" constant
   * "abc"} and {@code Invalid value "abc"}.
   */
  private boolean isValuePosition(int quote) {
    for (String word : VALUE_WORDS) {
      if (endsWith(quote, word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * H2's {@code Syntax error in SQL statement "..."}, sanitized as SQL: as free text its comments
   * and passwords would stay. H2 doubles quotes and backslashes inside it and writes control
   * characters as {@code \000a}; this is undone for the lexer and redone after, so that strings and
   * line comments end where they did in the statement. Other drivers' quoted statements escape
   * differently or not at all, and stay free text.
   */
  private String quotedStatement(int from, int to) {
    String sql = unescapeH2(text.substring(from, to));
    return escapeH2(SqlLexer.lex(sql, SqlDialect.STANDARD).sanitized());
  }

  private static String unescapeH2(String quoted) {
    StringBuilder sql = new StringBuilder(quoted.length());
    int k = 0;
    while (k < quoted.length()) {
      char c = quoted.charAt(k);
      if (c == '"' && k + 1 < quoted.length() && quoted.charAt(k + 1) == '"') {
        sql.append('"');
        k += 2;
      } else if (c == '\\' && k + 1 < quoted.length() && quoted.charAt(k + 1) == '\\') {
        sql.append('\\');
        k += 2;
      } else if (c == '\\' && isControlEscape(quoted, k + 1)) {
        sql.append((char) Integer.parseInt(quoted.substring(k + 1, k + 5), 16));
        k += 5;
      } else {
        sql.append(c);
        k++;
      }
    }
    return sql.toString();
  }

  /** Four hexadecimal digits naming a character below a space, as H2 writes them. */
  private static boolean isControlEscape(String quoted, int from) {
    if (from + 4 > quoted.length()) {
      return false;
    }
    for (int k = from; k < from + 4; k++) {
      if (Character.digit(quoted.charAt(k), 16) < 0) {
        return false;
      }
    }
    return Integer.parseInt(quoted.substring(from, from + 4), 16) < ' ';
  }

  private static String escapeH2(String sql) {
    StringBuilder quoted = new StringBuilder(sql.length() + 8);
    for (int k = 0; k < sql.length(); k++) {
      char c = sql.charAt(k);
      if (c == '"') {
        quoted.append("\"\"");
      } else if (c == '\\') {
        quoted.append("\\\\");
      } else if (c < ' ') {
        quoted.append(String.format(Locale.ROOT, "\\%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.toString();
  }

  /**
   * Replaces a parenthesised list of values. It ends at a parenthesis that closes it and is
   * followed by what drivers write after one (a period, the line end, {@code already exists},
   * {@code is not present}, {@code conflicts with}), so that a value holding a parenthesis, such as
   * a range {@code [1,5)}, cannot end it early. Without such an end the rest of the line goes.
   */
  private int valueGroup(int from, int to) {
    int depth = 1;
    int k = from;
    while (k < to) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth <= 0 && endsValueGroup(k + 1, to)) {
        out.append("?)");
        return k + 1;
      }
      k++;
    }
    out.append('?');
    return k;
  }

  private boolean endsValueGroup(int after, int to) {
    if (after >= to) {
      return true;
    }
    char c = text.charAt(after);
    if (c == '\n' || c == '\r') {
      return true;
    }
    if (c == '.') {
      return after + 1 >= to || Character.isWhitespace(text.charAt(after + 1));
    }
    for (String follower : AFTER_VALUES) {
      if (after + follower.length() <= to
          && text.regionMatches(after, follower, 0, follower.length())) {
        return true;
      }
    }
    return false;
  }

  private int number(int start, int to) {
    int k = start;
    while (k < to) {
      char c = text.charAt(k);
      boolean decimalPoint = c == '.' && k + 1 < to && isDigit(text.charAt(k + 1));
      if (!isWordChar(c) && !decimalPoint) {
        break;
      }
      k++;
    }
    if (isErrorCode(start)) {
      out.append(text, start, k);
    } else {
      out.append('?');
    }
    return k;
  }

  /** {@code ORA-00942}, {@code PLS-00201}: an upper-case prefix and a dash. */
  private boolean isErrorCode(int digits) {
    int dash = digits - 1;
    if (dash < 2 || text.charAt(dash) != '-') {
      return false;
    }
    int k = dash - 1;
    while (k >= 0 && text.charAt(k) >= 'A' && text.charAt(k) <= 'Z') {
      k--;
    }
    int letters = dash - 1 - k;
    return letters >= 2 && (k < 0 || !isWordChar(text.charAt(k)));
  }

  private int skipSingleQuoted(int from, int to) {
    int k = from;
    while (k < to) {
      char c = text.charAt(k);
      if (c == '\\') {
        k += 2;
      } else if (c == '\'') {
        if (k + 1 < to && text.charAt(k + 1) == '\'') {
          k += 2;
        } else {
          return k + 1;
        }
      } else {
        k++;
      }
    }
    return -1;
  }

  private static boolean hasOddQuotes(String fragment) {
    boolean odd = false;
    for (int k = 0; k < fragment.length(); k++) {
      char c = fragment.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '\'') {
        odd = !odd;
      }
    }
    return odd;
  }

  private boolean endsWith(int index, String suffix) {
    int start = index - suffix.length();
    return start >= 0 && text.regionMatches(true, start, suffix, 0, suffix.length());
  }

  private boolean hasWhitespace(int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.isWhitespace(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private boolean isIdentifierLike(int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (!isWordChar(c) && c != '.' && c != '#') {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
