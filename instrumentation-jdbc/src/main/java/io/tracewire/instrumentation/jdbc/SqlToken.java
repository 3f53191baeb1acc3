package io.tracewire.instrumentation.jdbc;

/** A token the statement parser looks at; comments and whitespace never become tokens. */
final class SqlToken {

  enum Kind {
    /** An unquoted identifier or keyword, as written. */
    WORD,
    /** A quoted identifier; the text is without its quoting characters. */
    QUOTED,
    /** A literal, already replaced by {@code ?}. */
    LITERAL,
    /** A bind placeholder: {@code ?}, {@code ?1}, {@code :name}, {@code :1}, {@code $1}. */
    PLACEHOLDER,
    /** A session or procedure variable: {@code @name}, {@code @@name}. */
    VARIABLE,
    /** One of {@code ( ) , ; . { } [ ]}. */
    PUNCT,
    /** Any other symbol, such as {@code =} or {@code ::}. */
    OPERATOR
  }

  static final SqlToken LITERAL = new SqlToken(Kind.LITERAL, "?");

  final Kind kind;
  final String text;

  SqlToken(Kind kind, String text) {
    this.kind = kind;
    this.text = text;
  }

  boolean isPunct(char c) {
    return kind == Kind.PUNCT && text.charAt(0) == c;
  }

  boolean isOperator(String symbol) {
    return kind == Kind.OPERATOR && text.equals(symbol);
  }

  boolean isWord(String upperCaseKeyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(upperCaseKeyword);
  }

  boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED;
  }

  @Override
  public String toString() {
    return kind + ":" + text;
  }
}
