package io.tracewire.instrumentation.jdbc;

/**
 * Sanitizes driver error messages, which are free text around fragments of the statement.
 *
 * <ul>
 *   <li>{@code '...'} becomes {@code ?}; an unbalanced quote hides the rest of the message. The
 *       apostrophe of {@code doesn't} or {@code table's} is not a quote.
 *   <li>Numbers become {@code ?}, except digits inside words ({@code t1}) and error codes such as
 *       {@code ORA-00942}.
 *   <li>{@code "..."} is an identifier when it looks like one and stays; holding spaces it is a
 *       statement or a phrase and is sanitized inside; anything else is a value and becomes
 *       {@code ?}, as does any {@code "..."} right after {@code ": "} (PostgreSQL's {@code for type
 *       integer: "abc"}, H2's {@code violation: "..."}), {@code Token}, {@code converting} or
 *       {@code value}.
 *   <li>PostgreSQL details {@code Key (email)=(...)} and {@code Failing row contains (...)} lose
 *       their values.
 *   <li>MySQL/MariaDB {@code near '...' at line N} holds the statement from the error on; it is
 *       sanitized as MySQL SQL, starting inside a string when its quotes are unbalanced.
 *   <li>A statement appended after H2's {@code SQL statement:} or MariaDB's {@code Query is:} is
 *       sanitized as SQL; H2's trailing {@code [42000-224]} error code stays.
 * </ul>
 */
final class MessageSanitizer {

  private static final String H2_STATEMENT = "SQL statement:";
  private static final String MARIADB_STATEMENT = "Query is:";
  private static final String AT_LINE = "' at line ";
  private static final String[] CONTRACTIONS = {"t", "s", "re", "ll", "ve", "d", "m"};

  private final String text;
  private final StringBuilder out;
  /** Where MySQL's {@code ' at line } last occurs, found once to keep the pass linear. */
  private final int atLine;

  private MessageSanitizer(String text) {
    this.text = text;
    this.out = new StringBuilder(text.length());
    this.atLine = text.lastIndexOf(AT_LINE);
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
      tail = SqlLexer.lex(body.substring(tailStart), dialect).sanitized();
      body = body.substring(0, tailStart);
    }
    MessageSanitizer sanitizer = new MessageSanitizer(body);
    sanitizer.freeText(0, body.length(), false);
    return sanitizer.out.append(tail).append(suffix).toString();
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
        int end = skipSingleQuoted(i + 1, to);
        out.append('?');
        if (end < 0) {
          return;
        }
        i = end;
      } else if (c == '"' && !insideDoubleQuotes) {
        i = doubleQuoted(i, to);
      } else if (isDigit(c) && !(i > from && isWordChar(text.charAt(i - 1)))) {
        i = number(i, to);
      } else if (c == '(' && (endsWith(i, ")=") || endsWith(i, "contains "))) {
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
   * and {@code Token "abc"}, H2's {@code converting "abc"} and {@code Invalid value "abc"}.
   */
  private boolean isValuePosition(int quote) {
    return endsWith(quote, ": ")
        || endsWith(quote, "Token ")
        || endsWith(quote, "converting ")
        || endsWith(quote, "value ");
  }

  /** Replaces a parenthesised list of values up to its closing parenthesis or the line end. */
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
      } else if (c == ')' && --depth == 0) {
        out.append("?)");
        return k + 1;
      }
      k++;
    }
    out.append('?');
    return k;
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
