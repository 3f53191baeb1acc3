package io.tracewire.exporter;

import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

/**
 * Renders attribute values as text for formats without typed values (Zipkin tags, the console).
 *
 * <p>Follows the OpenTelemetry rules for non-OTLP formats: strings as they are, booleans and
 * numbers in their locale-independent Java form, arrays as JSON arrays ({@code ["a","b"]}, {@code
 * [1,2]}), maps as JSON objects, bytes as base64 and an empty value as the empty string.
 */
final class AttributeText {

  private AttributeText() {}

  static String of(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Value) {
      return ofValue((Value<?>) value);
    }
    if (value instanceof List) {
      return json(value);
    }
    return String.valueOf(value);
  }

  private static String ofValue(Value<?> value) {
    switch (value.getType()) {
      case STRING:
        return (String) value.getValue();
      case BYTES:
        return base64((ByteBuffer) value.getValue());
      case EMPTY:
        return "";
      case ARRAY:
      case KEY_VALUE_LIST:
        return json(value);
      default:
        return String.valueOf(value.getValue());
    }
  }

  private static String json(Object value) {
    JsonWriter writer = new JsonWriter();
    writeJson(writer, value);
    return writer.toString();
  }

  /** Writes an attribute value, or an element of one, as plain JSON. */
  static void writeJson(JsonWriter writer, Object value) {
    if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((boolean) (Boolean) value);
    } else if (value instanceof Long || value instanceof Integer) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Number) {
      writer.value(((Number) value).doubleValue());
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object element : (List<?>) value) {
        writeJson(writer, element);
      }
      writer.endArray();
    } else if (value instanceof Value) {
      writeValueJson(writer, (Value<?>) value);
    } else if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value.toString());
    }
  }

  private static void writeValueJson(JsonWriter writer, Value<?> value) {
    switch (value.getType()) {
      case KEY_VALUE_LIST:
        writer.beginObject();
        for (Object entry : (List<?>) value.getValue()) {
          KeyValue keyValue = (KeyValue) entry;
          writer.name(keyValue.getKey());
          writeValueJson(writer, keyValue.getValue());
        }
        writer.endObject();
        break;
      case BYTES:
        writer.value(base64((ByteBuffer) value.getValue()));
        break;
      case EMPTY:
        writer.nullValue();
        break;
      default:
        // STRING, BOOLEAN, LONG, DOUBLE hold the plain Java value; ARRAY holds a list of Values.
        writeJson(writer, value.getValue());
    }
  }

  static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] array = new byte[copy.remaining()];
    copy.get(array);
    return Base64.getEncoder().encodeToString(array);
  }
}
