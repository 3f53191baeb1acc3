package io.tracewire.instrumentation.jdbc;

import io.tracewire.instrumentation.jdbc.SqlToken.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One left-to-right pass over SQL text that writes the sanitized text and collects tokens. Every
 * branch consumes at least one character and looks ahead only a bounded distance or up to the end
 * of the construct it then consumes, so the pass is linear in the input length.
 */
final class SqlLexer {

  /** The longest {@code $tag$} accepted; keeps the search for the closing tag linear. */
  private static final int MAX_DOLLAR_TAG = 64;

  private final String in;
  private final int length;
  private final boolean mysql;
  private final StringBuilder out;
  private final List<SqlToken> tokens = new ArrayList<>();
  private int pos;

  // IN-list collapse: after the word IN, an opening parenthesis starts a candidate list which is
  // rewritten to "(?)" on its closing parenthesis if it held nothing but literals and "?".
  private static final int LIST_NONE = 0;
  private static final int LIST_AFTER_IN = 1;
  private static final int LIST_OPEN = 2;
  private int listState = LIST_NONE;
  private int listOutStart;
  private int listTokenStart;
  private boolean listHasItem;

  // Inside [...] a colon is a slice bound (a[1:2]), never an Oracle placeholder.
  private int bracketDepth;

  // Credentials. After IDENTIFIED BY (and PASSWORD in a user or role statement) comes a password,
  // which may be unquoted (Oracle's IDENTIFIED BY Secr3t) or a quoted identifier ("P@ss"); either
  // way it is lexed as usual and then replaced, up to the next separator, by one "?".
  private static final Set<String> USER_KINDS =
      new HashSet<>(Arrays.asList("USER", "ROLE", "LOGIN", "GROUP"));
  private static final Set<String> USER_KIND_MODIFIERS =
      new HashSet<>(Arrays.asList("OR", "REPLACE", "APPLICATION"));
  /** Words after PASSWORD that are options rather than a password: PASSWORD EXPIRE, FOR u. */
  private static final Set<String> PASSWORD_OPTIONS =
      new HashSet<>(Arrays.asList("EXPIRE", "HISTORY", "REUSE", "REQUIRE", "FOR", "TO", "NULL"));

  /** Token index where the current statement starts, to tell CREATE USER from a column. */
  private int statementStart;
  private boolean secretPending;
  /** The pending secret follows PASSWORD, which may be followed by "=" and by options. */
  private boolean secretAfterPassword;
  private boolean secretEqualsAllowed;
  /** Where the secret being read started in {@link #out}, or -1. */
  private int secretOutStart = -1;
  private int secretTokenStart;
  private int secretDepth;
  /** Index of the token that replaced the last secret, for IDENTIFIED BY new REPLACE old. */
  private int secretToken = -1;
  private final List<String> secretWords = new ArrayList<>();

  private SqlLexer(String in, SqlDialect dialect) {
    this.in = in;
    this.length = in.length();
    this.mysql = dialect == SqlDialect.DOUBLE_QUOTES_ARE_STRINGS;
    this.out = new StringBuilder(length);
  }

  /** Sanitizes {@code sql}; the caller has already bounded its length. */
  static SqlLexer lex(String sql, SqlDialect dialect) {
    SqlLexer lexer = new SqlLexer(sql, dialect);
    lexer.run();
    return lexer;
  }

  String sanitized() {
    return out.toString();
  }

  List<SqlToken> tokens() {
    return tokens;
  }

  /**
   * Passwords that were hidden and were written as names (unquoted or in quotes of an identifier),
   * as written; a driver message may repeat them as a column name.
   */
  List<String> secretWords() {
    return secretWords;
  }

  private void run() {
    while (pos < length) {
      char c = in.charAt(pos);
      char next = charAt(pos + 1);
      if (secretOutStart >= 0 && secretDepth == 0 && endsSecret(c)) {
        closeSecret();
      }
      if (secretPending && !Character.isWhitespace(c) && !startsComment(c, next)) {
        startSecret(c);
      }
      if (Character.isWhitespace(c)) {
        out.append(c);
        pos++;
      } else if (c == '-' && next == '-') {
        lineComment(2);
      } else if (c == '#' && mysql) {
        lineComment(1);
      } else if (c == '/' && next == '*') {
        blockComment();
      } else if (c == '\'') {
        literalEndingAt(skipQuoted(pos + 1, '\'', mysql));
      } else if (c == '"') {
        if (mysql) {
          literalEndingAt(skipQuoted(pos + 1, '"', true));
        } else {
          quotedIdentifier('"');
        }
      } else if (c == '`') {
        quotedIdentifier('`');
      } else if (c == '[' && bracketIdentifier()) {
        // consumed
      } else if (c == '$') {
        dollar();
      } else if (isDigit(c) || (c == '.' && isDigit(next) && !previousIsIdentifierEnd())) {
        number();
      } else if (isIdentifierStart(c, next)) {
        word();
      } else if (c == '?') {
        int end = skipDigits(pos + 1);
        emit(Kind.PLACEHOLDER, in.substring(pos, end));
        pos = end;
      } else if (c == ':') {
        colon(next);
      } else if (c == '@') {
        variable();
      } else if ("(),;.{}[]".indexOf(c) >= 0) {
        if (c == '[') {
          bracketDepth++;
        } else if (c == ']' && bracketDepth > 0) {
          bracketDepth--;
        }
        emit(Kind.PUNCT, String.valueOf(c));
        pos++;
      } else {
        emit(Kind.OPERATOR, String.valueOf(c));
        pos++;
      }
    }
    if (secretOutStart >= 0) {
      closeSecret();
    }
  }

  // ---- credentials

  private boolean startsComment(char c, char next) {
    return (c == '-' && next == '-') || (c == '/' && next == '*') || (c == '#' && mysql);
  }

  private static boolean endsSecret(char c) {
    return Character.isWhitespace(c) || c == ';' || c == ',' || c == ')';
  }

  private void armSecret(boolean afterPassword) {
    secretPending = true;
    secretAfterPassword = afterPassword;
    secretEqualsAllowed = afterPassword;
  }

  private void startSecret(char c) {
    if (c == '=' && secretEqualsAllowed) {
      secretEqualsAllowed = false; // PASSWORD = 'x': the "=" is written as usual
      return;
    }
    secretPending = false;
    if (c == ';' || c == ',' || c == ')') {
      return; // nothing follows: RETAIN CURRENT PASSWORD;
    }
    secretOutStart = out.length();
    secretTokenStart = tokens.size();
    secretDepth = 0;
    listState = LIST_NONE;
  }

  private void closeSecret() {
    int start = secretOutStart;
    secretOutStart = -1;
    List<SqlToken> hidden = tokens.subList(secretTokenStart, tokens.size());
    if (hidden.isEmpty() || (hidden.size() == 1 && keepsKeyword(hidden.get(0)))) {
      return;
    }
    for (SqlToken token : hidden) {
      if (token.kind == Kind.WORD || token.kind == Kind.QUOTED) {
        secretWords.add(token.text);
      }
    }
    hidden.clear();
    out.setLength(start);
    out.append('?');
    tokens.add(SqlToken.LITERAL);
    secretToken = tokens.size() - 1;
    listState = LIST_NONE;
  }

  /**
   * Keywords standing where a password could: IDENTIFIED BY PASSWORD '*hash' (MariaDB), BY VALUES
   * 'hash' (Oracle), BY RANDOM PASSWORD (MySQL), PASSWORD EXPIRE. A password that happens to be one
   * of these words and is followed like them is the price of keeping the keywords.
   */
  private boolean keepsKeyword(SqlToken token) {
    if (token.kind != Kind.WORD) {
      return false;
    }
    String word = token.text.toUpperCase(Locale.ROOT);
    if (word.equals("IDENTIFIED")) {
      return true; // introduces a password, never is one: PASSWORD IDENTIFIED BY x
    }
    if (secretAfterPassword) {
      return PASSWORD_OPTIONS.contains(word);
    }
    int next = skipWhitespace(pos);
    if (word.equals("PASSWORD") || word.equals("VALUES")) {
      char quote = charAt(next);
      if (quote == '\'' || quote == '"') {
        armSecret(false); // the hash that follows is hidden whatever its quoting
        return true;
      }
      return false;
    }
    return word.equals("RANDOM")
        && in.regionMatches(true, next, "PASSWORD", 0, 8)
        && !isIdentifierPart(charAt(next + 8));
  }

  /** Arms the secret after the words that introduce one; called with the newest token added. */
  private void credentialWord(SqlToken token) {
    int last = tokens.size() - 1;
    String word = token.text.toUpperCase(Locale.ROOT);
    switch (word) {
      case "BY":
        if (last >= 1 && tokens.get(last - 1).isWord("IDENTIFIED")) {
          armSecret(false);
        } else if (afterIdentifiedWithPlugin(last)) {
          armSecret(false);
        }
        break;
      case "AS":
      case "USING":
        // MySQL IDENTIFIED WITH plugin AS 'hash', MariaDB IDENTIFIED VIA plugin USING 'x'
        if (afterIdentifiedWithPlugin(last)) {
          armSecret(false);
        }
        break;
      case "REPLACE":
        // IDENTIFIED BY new REPLACE old: the current password follows
        if (secretToken >= 0 && secretToken == last - 1) {
          armSecret(false);
        }
        break;
      case "PASSWORD":
      case "OLD_PASSWORD":
        if (isUserStatement(last)) {
          armSecret(true);
        }
        break;
      default:
        break;
    }
  }

  /** {@code IDENTIFIED WITH|VIA plugin} right before the token at {@code last}. */
  private boolean afterIdentifiedWithPlugin(int last) {
    if (last < 3 || !tokens.get(last - 3).isWord("IDENTIFIED")) {
      return false;
    }
    SqlToken how = tokens.get(last - 2);
    SqlToken plugin = tokens.get(last - 1);
    return (how.isWord("WITH") || how.isWord("VIA"))
        && plugin.kind != Kind.PUNCT
        && plugin.kind != Kind.OPERATOR;
  }

  /**
   * CREATE/ALTER USER, ROLE, LOGIN or GROUP, or SET PASSWORD: where PASSWORD is an option and not
   * a column of a table.
   */
  private boolean isUserStatement(int passwordAt) {
    int k = statementStart;
    if (k >= passwordAt) {
      return false;
    }
    SqlToken first = tokens.get(k);
    if (first.isWord("SET")) {
      return k + 1 == passwordAt;
    }
    if (!first.isWord("CREATE") && !first.isWord("ALTER")) {
      return false;
    }
    k++;
    // At most OR REPLACE: a bounded look keeps many PASSWORD words from making this quadratic.
    int modifiersEnd = Math.min(passwordAt, k + 2);
    while (k < modifiersEnd
        && tokens.get(k).kind == Kind.WORD
        && USER_KIND_MODIFIERS.contains(tokens.get(k).text.toUpperCase(Locale.ROOT))) {
      k++;
    }
    return k < passwordAt
        && tokens.get(k).kind == Kind.WORD
        && USER_KINDS.contains(tokens.get(k).text.toUpperCase(Locale.ROOT));
  }

  // ---- comments: the markers stay so the text still reads as SQL, the content never does

  private void lineComment(int markerLength) {
    int start = pos + markerLength;
    int end = start;
    while (end < length && in.charAt(end) != '\n' && in.charAt(end) != '\r') {
      end++;
    }
    if (isBlank(start, end)) {
      out.append(in, pos, end);
    } else {
      out.append(in, pos, start).append(" ?");
    }
    pos = end;
  }

  private void blockComment() {
    // PostgreSQL and SQL Server nest block comments, MySQL does not. Nesting elsewhere only ever
    // hides more text, never less.
    int depth = 1;
    int k = pos + 2;
    while (k < length && depth > 0) {
      char c = in.charAt(k);
      char next = charAt(k + 1);
      if (c == '*' && next == '/') {
        depth--;
        k += 2;
      } else if (c == '/' && next == '*' && !mysql) {
        depth++;
        k += 2;
      } else {
        k++;
      }
    }
    if (depth > 0) {
      out.append("/* ?");
      pos = length;
    } else {
      out.append(isBlank(pos + 2, k - 2) ? in.substring(pos, k) : "/* ? */");
      pos = k;
    }
  }

  // ---- quoted text

  /**
   * The index just past the closing {@code quote}, or -1 when the text ends first. A doubled quote
   * is an escaped quote; with {@code backslash} so is any character after a backslash.
   */
  private int skipQuoted(int from, char quote, boolean backslash) {
    int k = from;
    while (k < length) {
      char c = in.charAt(k);
      if (c == '\\' && backslash) {
        k += 2;
      } else if (c == quote) {
        if (charAt(k + 1) != quote) {
          return k + 1;
        }
        k += 2;
      } else {
        k++;
      }
    }
    return -1;
  }

  /** Emits one {@code ?} for text up to {@code end}; -1 (unterminated) hides the whole rest. */
  private void literalEndingAt(int end) {
    emitLiteral();
    pos = end < 0 || end > length ? length : end;
  }

  private void quotedIdentifier(char quote) {
    int end = skipQuoted(pos + 1, quote, false);
    if (end < 0) {
      // Cannot tell where the identifier was meant to end, so treat the rest as data.
      literalEndingAt(-1);
      return;
    }
    String doubled = String.valueOf(quote) + quote;
    String name = in.substring(pos + 1, end - 1).replace(doubled, String.valueOf(quote));
    emit(new SqlToken(Kind.QUOTED, name), in.substring(pos, end));
    pos = end;
  }

  /**
   * SQL Server's {@code [name]}, told apart from array subscripts ({@code a[1]}) and constructors
   * ({@code ARRAY[1, 2]}) by what precedes it and by its content.
   */
  private boolean bracketIdentifier() {
    if (pos > 0) {
      char previous = in.charAt(pos - 1);
      if (isIdentifierPart(previous) || previous == ')' || previous == ']' || previous == '"') {
        return false;
      }
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isWord("ARRAY")) {
      return false;
    }
    boolean hasLetter = false;
    int k = pos + 1;
    // Stops at the first character an identifier would not hold, so scans never overlap.
    for (; k < length; k++) {
      char c = in.charAt(k);
      if (c == ']') {
        break;
      }
      if ("['\",:\r\n".indexOf(c) >= 0) {
        return false;
      }
      hasLetter |= Character.isLetter(c) || c == '_';
    }
    if (k >= length || !hasLetter) {
      return false;
    }
    emit(new SqlToken(Kind.QUOTED, in.substring(pos + 1, k)), in.substring(pos, k + 1));
    pos = k + 1;
    return true;
  }

  /** {@code $1} placeholders and PostgreSQL {@code $$...$$} / {@code $tag$...$tag$} strings. */
  private void dollar() {
    if (isDigit(charAt(pos + 1))) {
      int end = skipDigits(pos + 1);
      if (charAt(end) == '.' && isDigit(charAt(end + 1))) {
        literalEndingAt(skipDigits(end + 1)); // SQL Server money: $12.50
        return;
      }
      emit(Kind.PLACEHOLDER, in.substring(pos, end));
      pos = end;
      return;
    }
    int k = pos + 1;
    while (k < length && k - pos <= MAX_DOLLAR_TAG && isTagChar(in.charAt(k))) {
      k++;
    }
    if (k < length && in.charAt(k) == '$') {
      String tag = in.substring(pos, k + 1);
      int close = in.indexOf(tag, k + 1);
      literalEndingAt(close < 0 ? -1 : close + tag.length());
      return;
    }
    emit(Kind.OPERATOR, "$");
    pos++;
  }

  // ---- numbers, words, placeholders

  private void number() {
    int k = pos;
    char next = charAt(pos + 1);
    if (in.charAt(pos) == '0' && (next == 'x' || next == 'X')) {
      k += 2;
      while (k < length && Character.digit(in.charAt(k), 16) >= 0) {
        k++;
      }
    } else {
      k = skipDigits(k);
      if (charAt(k) == '.') {
        k = skipDigits(k + 1);
      }
      char e = charAt(k);
      if (e == 'e' || e == 'E') {
        int m = k + 1;
        if (charAt(m) == '+' || charAt(m) == '-') {
          m++;
        }
        if (isDigit(charAt(m))) {
          k = skipDigits(m);
        }
      }
    }
    // Anything glued to the number (0b101, 10L, 1e) goes with it rather than half-shown.
    while (k < length && isIdentifierPart(in.charAt(k))) {
      k++;
    }
    literalEndingAt(k);
  }

  private void word() {
    int k = pos;
    while (k < length && in.charAt(k) == '#') {
      k++;
    }
    while (k < length && isIdentifierPart(in.charAt(k))) {
      k++;
    }
    String word = in.substring(pos, k);
    char after = charAt(k);
    if (after == '\'' && stringPrefix(word, k)) {
      return;
    }
    if (after == '&' && charAt(k + 1) == '\'' && word.equalsIgnoreCase("U")) {
      // U&'...' unicode-escaped string
      literalEndingAt(skipQuoted(k + 2, '\'', false));
      return;
    }
    emit(Kind.WORD, word);
    pos = k;
    if (word.equalsIgnoreCase("IN")) {
      listState = LIST_AFTER_IN;
    }
  }

  /** Literals written as a prefix glued to a quote: N'', E'', B'', X'', _utf8'', q'[...]'. */
  private boolean stringPrefix(String word, int quoteAt) {
    String upper = word.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "N":
      case "B":
      case "X":
        literalEndingAt(skipQuoted(quoteAt + 1, '\'', mysql));
        return true;
      case "E":
        literalEndingAt(skipQuoted(quoteAt + 1, '\'', true));
        return true;
      case "Q":
      case "NQ":
        if (mysql) {
          return false;
        }
        literalEndingAt(skipOracleQuote(quoteAt + 1));
        return true;
      default:
        if (mysql && word.startsWith("_")) {
          literalEndingAt(skipQuoted(quoteAt + 1, '\'', true));
          return true;
        }
        return false;
    }
  }

  /** Oracle {@code q'[...]'}: the character after the quote picks the closing delimiter. */
  private int skipOracleQuote(int delimiterAt) {
    if (delimiterAt >= length) {
      return -1;
    }
    char open = in.charAt(delimiterAt);
    int closeIndex = "[{(<".indexOf(open);
    char close = closeIndex >= 0 ? "]})>".charAt(closeIndex) : open;
    for (int k = delimiterAt + 1; k + 1 < length; k++) {
      if (in.charAt(k) == close && in.charAt(k + 1) == '\'') {
        return k + 2;
      }
    }
    return -1;
  }

  private void colon(char next) {
    if (next == ':') {
      emit(Kind.OPERATOR, "::");
      pos += 2;
    } else if (Character.isLetter(next) || next == '_') {
      int end = pos + 1;
      while (end < length && isIdentifierPart(in.charAt(end))) {
        end++;
      }
      emit(Kind.PLACEHOLDER, in.substring(pos, end));
      pos = end;
    } else if (isDigit(next) && colonStartsPlaceholder()) {
      int end = skipDigits(pos + 1);
      emit(Kind.PLACEHOLDER, in.substring(pos, end));
      pos = end;
    } else {
      emit(Kind.OPERATOR, ":");
      pos++;
    }
  }

  /** Oracle's {@code :1} follows an operator, separator or keyword, not a value as in a[1:2]. */
  private boolean colonStartsPlaceholder() {
    if (bracketDepth > 0) {
      return false;
    }
    if (tokens.isEmpty()) {
      return true;
    }
    SqlToken last = tokens.get(tokens.size() - 1);
    switch (last.kind) {
      case OPERATOR:
        return true;
      case PUNCT:
        return last.isPunct('(') || last.isPunct(',');
      case WORD:
        return !last.isWord("LIMIT") && !last.isWord("OFFSET");
      default:
        return false;
    }
  }

  /** {@code @name}, {@code @@name}; any other {@code @} (PostgreSQL's abs: @5) is an operator. */
  private void variable() {
    int end = pos + 1;
    if (charAt(end) == '@') {
      end++;
    }
    char first = charAt(end);
    if (!Character.isLetter(first) && first != '_') {
      emit(Kind.OPERATOR, "@");
      pos++;
      return;
    }
    while (end < length && isIdentifierPart(in.charAt(end))) {
      end++;
    }
    emit(Kind.VARIABLE, in.substring(pos, end));
    pos = end;
  }

  // ---- output

  private void emitLiteral() {
    emit(SqlToken.LITERAL, "?");
  }

  private void emit(Kind kind, String text) {
    emit(new SqlToken(kind, text), text);
  }

  private void emit(SqlToken token, String text) {
    if (secretOutStart >= 0) {
      if (token.isPunct('(')) {
        secretDepth++;
      } else if (token.isPunct(')')) {
        secretDepth--;
      }
    }
    if (listState == LIST_OPEN) {
      boolean questionMark = token.kind == Kind.PLACEHOLDER && token.text.equals("?");
      if (token.kind == Kind.LITERAL || questionMark) {
        listHasItem = true;
      } else if (token.isPunct(')') && listHasItem) {
        out.setLength(listOutStart);
        out.append("?)");
        tokens.subList(listTokenStart, tokens.size()).clear();
        tokens.add(SqlToken.LITERAL);
        tokens.add(token);
        listState = LIST_NONE;
        return;
      } else if (!token.isPunct(',') && !token.isOperator("-") && !token.isOperator("+")) {
        listState = LIST_NONE;
      }
    }
    out.append(text);
    tokens.add(token);
    if (token.isPunct(';')) {
      statementStart = tokens.size();
    } else if (token.kind == Kind.WORD && secretOutStart < 0) {
      credentialWord(token);
    }
    if (listState == LIST_AFTER_IN) {
      if (token.isPunct('(')) {
        listState = LIST_OPEN;
        listOutStart = out.length();
        listTokenStart = tokens.size();
        listHasItem = false;
      } else {
        listState = LIST_NONE;
      }
    }
  }

  // ---- character classes

  private char charAt(int index) {
    return index < length ? in.charAt(index) : '\0';
  }

  private int skipDigits(int from) {
    int k = from;
    while (k < length && isDigit(in.charAt(k))) {
      k++;
    }
    return k;
  }

  private int skipWhitespace(int from) {
    int k = from;
    while (k < length && Character.isWhitespace(in.charAt(k))) {
      k++;
    }
    return k;
  }

  private boolean isBlank(int from, int to) {
    for (int k = from; k < to; k++) {
      if (!Character.isWhitespace(in.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean previousIsIdentifierEnd() {
    if (pos == 0) {
      return false;
    }
    char previous = in.charAt(pos - 1);
    return isIdentifierPart(previous) || previous == '"' || previous == '`' || previous == ']';
  }

  private boolean isIdentifierStart(char c, char next) {
    if (Character.isLetter(c) || c == '_') {
      return true;
    }
    // SQL Server temporary tables: #orders, ##orders. Not #1: PostgreSQL's XOR and a number.
    return c == '#' && !mysql && (Character.isLetter(next) || next == '_' || next == '#');
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isTagChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
