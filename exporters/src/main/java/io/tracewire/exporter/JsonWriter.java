package io.tracewire.exporter;

/**
 * A small streaming JSON writer over a {@link StringBuilder}.
 *
 * <p>It places commas itself but trusts its callers to nest begin/end calls and to put a name
 * before every value inside an object. The exporters build each payload in one pass, so this is all
 * they need and costs no dependency.
 */
final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;
  private boolean needsComma;

  JsonWriter() {
    this(new StringBuilder(512));
  }

  JsonWriter(StringBuilder out) {
    this.out = out;
  }

  JsonWriter beginObject() {
    separate();
    out.append('{');
    needsComma = false;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    needsComma = true;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    needsComma = false;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    needsComma = true;
    return this;
  }

  JsonWriter name(String name) {
    separate();
    quote(out, name);
    out.append(':');
    needsComma = false;
    return this;
  }

  JsonWriter value(String value) {
    separate();
    quote(out, value);
    needsComma = true;
    return this;
  }

  JsonWriter value(long value) {
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  /**
   * Writes a finite double as a number. JSON has no literal for NaN or the infinities, so those
   * become the strings "NaN", "Infinity" and "-Infinity", which is also what the protobuf JSON
   * mapping (and so OTLP/JSON) expects.
   */
  JsonWriter value(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value(Double.toString(value));
    }
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  JsonWriter nullValue() {
    separate();
    out.append("null");
    needsComma = true;
    return this;
  }

  JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (needsComma) {
      out.append(',');
    }
  }

  /**
   * Appends {@code s} as a JSON string literal. Besides what JSON requires (quote, backslash,
   * control characters) it escapes U+2028 and U+2029, which JavaScript treats as line breaks, and
   * replaces unpaired surrogates with U+FFFD because they have no UTF-8 encoding.
   */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\u2028':
        case '\u2029':
          unicodeEscape(out, c);
          break;
        default:
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < length
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\ufffd');
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
