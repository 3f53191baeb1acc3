package io.tracewire.analytics.backend;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Small checks over Jackson's streaming parser, so adapters read documents in their own order. */
final class JsonReading {

  private JsonReading() {}

  /** Moves to the next token and fails unless it is {@code expected}. */
  static void next(JsonParser parser, JsonToken expected, String what) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != expected) {
      throw new MalformedJsonException(
          "expected " + what + " but found " + describe(token) + " at " + location(parser));
    }
  }

  /** Fails unless the current token is {@code expected}. */
  static void require(JsonParser parser, JsonToken expected, String what) throws IOException {
    if (parser.currentToken() != expected) {
      throw new MalformedJsonException(
          "expected " + what + " but found " + describe(parser.currentToken()) + " at " + location(parser));
    }
  }

  /** The current scalar as text ({@code null} for JSON null); objects and arrays are skipped. */
  static String text(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != null && token.isScalarValue()) {
      return parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  /** The current value as a long; a number given as a string is accepted too. */
  static long number(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return (long) parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(parser.getText().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new MalformedJsonException(
        "expected a number for \"" + field + "\" but found " + describe(token) + " at " + location(parser));
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the document";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case END_OBJECT:
      case END_ARRAY:
        return "the end of " + (token == JsonToken.END_OBJECT ? "an object" : "an array");
      case FIELD_NAME:
        return "a field name";
      case VALUE_STRING:
        return "a string";
      case VALUE_NULL:
        return "null";
      default:
        return token.isNumeric() ? "a number" : "a boolean";
    }
  }

  private static String location(JsonParser parser) {
    return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
  }
}
