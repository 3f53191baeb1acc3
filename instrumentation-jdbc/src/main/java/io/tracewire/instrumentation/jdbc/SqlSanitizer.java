package io.tracewire.instrumentation.jdbc;

/**
 * Removes data from SQL text and driver messages before they are recorded, and derives the
 * operation, collection and {@code db.query.summary} of a statement.
 *
 * <p>Choices, all aimed at never recording a value while keeping the text useful:
 *
 * <ul>
 *   <li>Every literal becomes {@code ?}: strings in all their forms ({@code '...'}, {@code N'...'},
 *       {@code E'...'}, {@code B'...'}, {@code X'...'}, {@code U&'...'}, {@code _utf8'...'}, Oracle
 *       {@code q'[...]'}, PostgreSQL {@code $$...$$} and {@code $tag$...$tag$}, and {@code "..."}
 *       in {@link SqlDialect#DOUBLE_QUOTES_ARE_STRINGS}), numbers ({@code 42}, {@code 4.2e1},
 *       {@code .5}, {@code 0xFF}). {@code TRUE}, {@code FALSE} and {@code NULL} are keywords and
 *       stay.
 *   <li>A password becomes {@code ?} whatever its quoting, since Oracle's {@code IDENTIFIED BY
 *       Secr3t} or {@code IDENTIFIED BY "P@ss"} is no literal to the lexer: the token after {@code
 *       IDENTIFIED BY} (also MySQL's {@code IDENTIFIED WITH plugin BY|AS}, MariaDB's {@code
 *       IDENTIFIED VIA plugin USING}, Oracle's {@code REPLACE old}), and in {@code CREATE/ALTER
 *       USER|ROLE|LOGIN|GROUP} and {@code SET PASSWORD} the token after {@code PASSWORD [=]}.
 *       Keywords in that place stay: {@code BY VALUES '...'}, {@code BY RANDOM PASSWORD}, {@code
 *       PASSWORD EXPIRE}, {@code PASSWORD NULL}. Elsewhere {@code password} is a column and stays.
 *   <li>A minus sign is never part of the number: {@code -5} becomes {@code -?}. Telling a sign
 *       from a subtraction needs a parser, and the sign is not data.
 *   <li>Comment text becomes {@code ?}, the markers stay: {@code -- ?}, {@code /* ? *}{@code /},
 *       and {@code # ?} for MySQL. Empty comments stay as written.
 *   <li>Identifiers (quoted or not, such as {@code t1}, {@code "Order Lines"}, {@code [orders]}),
 *       keywords and placeholders ({@code ?}, {@code :name}, {@code $1}, {@code @p1}) stay.
 *   <li>An {@code IN} list made only of literals and {@code ?} collapses to {@code IN (?)}: the
 *       number of values would otherwise make every list length a distinct query text. Lists with
 *       named or numbered placeholders, columns or a subquery are left as written.
 *   <li>Everything else, whitespace and line breaks included, is kept as written: the text stays
 *       recognisable, and positions in it keep their meaning.
 *   <li>An unterminated string, quoted identifier or comment hides everything to the end.
 *   <li>Only the first {@link #MAX_SQL_LENGTH} characters are read; the sanitized text ends where
 *       that cut was. A literal cut in half is unterminated, so it is hidden like any other.
 * </ul>
 *
 * <p>The work is a single hand-written pass over the characters plus one pass over the resulting
 * tokens, both linear in the length of the input.
 */
public final class SqlSanitizer {

  /** The number of characters of SQL that are read; the rest is dropped before sanitizing. */
  public static final int MAX_SQL_LENGTH = 32 * 1024;

  private SqlSanitizer() {}

  /**
   * Sanitizes one statement (or a script of several) and describes it.
   *
   * @param sql the statement; null gives an info with every field null
   * @param dialect how quotes, backslashes and {@code #} are read; null means {@link
   *     SqlDialect#STANDARD}
   * @return never null
   */
  public static SqlStatementInfo sanitize(String sql, SqlDialect dialect) {
    if (sql == null) {
      return new SqlStatementInfo(null, null, null, null);
    }
    SqlLexer lexer = SqlLexer.lex(bounded(sql), dialect == null ? SqlDialect.STANDARD : dialect);
    return SqlStatementParser.parse(lexer.sanitized(), lexer.tokens());
  }

  /**
   * Sanitizes the message of a driver exception, which often echoes the statement and the
   * offending value. The message is read as free text: {@code '...'} and numbers become {@code ?};
   * {@code "..."} stays when it looks like an identifier, is sanitized inside when it holds a
   * statement, and becomes {@code ?} otherwise or when it follows a word that introduces a value
   * ({@code ": "}, {@code constant}, {@code converting}, {@code value}, ...); PostgreSQL's {@code
   * Key (col)=(...)} and {@code Failing row contains (...)} and SQL Server's {@code duplicate key
   * value is (...)} lose their values, MySQL's {@code Duplicate entry '...'} too even when the value
   * holds quotes; MySQL's {@code near '...' at line N}, H2's quoted statement and statements after
   * H2's {@code SQL statement:} or MariaDB's {@code Query is:} are sanitized as SQL, and a password
   * hidden there is hidden from the whole message. Identifiers and error codes may remain;
   * literals must not. Only the first {@link #MAX_SQL_LENGTH} characters are read.
   *
   * @return null for null
   */
  public static String sanitizeMessage(String message) {
    if (message == null) {
      return null;
    }
    return MessageSanitizer.sanitize(bounded(message));
  }

  /** Cuts at {@link #MAX_SQL_LENGTH}, never between the two halves of a surrogate pair. */
  static String bounded(String text) {
    if (text.length() <= MAX_SQL_LENGTH) {
      return text;
    }
    int end = MAX_SQL_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
