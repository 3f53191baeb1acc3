package io.tracewire.analytics.backend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the attribute object that an annotation's value carries, keeping the error fields. */
final class EventAttributes {

  private static final JsonFactory JSON = new JsonFactory();

  private EventAttributes() {}

  static void read(String json, ErrorFacts errors) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        errors.field(key, JsonReading.text(parser));
      }
    } catch (IOException e) {
      // An annotation is free text to Zipkin; one that is not an attribute object is no error.
    }
  }
}
