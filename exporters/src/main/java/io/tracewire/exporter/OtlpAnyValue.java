package io.tracewire.exporter;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes attributes and their values as OTLP/JSON {@code KeyValue} and {@code AnyValue}. */
final class OtlpAnyValue {

  private OtlpAnyValue() {}

  /** Writes {@code "attributes":[...]}, or nothing when there are none (the protobuf default). */
  static void writeAttributes(JsonWriter writer, Attributes attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    writer.name("attributes").beginArray();
    attributes.forEach((key, value) -> writeKeyValue(writer, key.getKey(), value));
    writer.endArray();
  }

  private static void writeKeyValue(JsonWriter writer, String key, Object value) {
    writer.beginObject().field("key", key).name("value");
    write(writer, value);
    writer.endObject();
  }

  static void write(JsonWriter writer, Object value) {
    writer.beginObject();
    if (value instanceof String) {
      writer.field("stringValue", (String) value);
    } else if (value instanceof Boolean) {
      writer.name("boolValue").value((boolean) (Boolean) value);
    } else if (value instanceof Long || value instanceof Integer) {
      // int64 travels as a decimal string in the protobuf JSON mapping.
      writer.field("intValue", Long.toString(((Number) value).longValue()));
    } else if (value instanceof Number) {
      writer.name("doubleValue").value(((Number) value).doubleValue());
    } else if (value instanceof List) {
      writeArray(writer, (List<?>) value);
    } else if (value instanceof Value) {
      writeValueBody(writer, (Value<?>) value);
    } else if (value != null) {
      writer.field("stringValue", value.toString());
    }
    writer.endObject();
  }

  private static void writeArray(JsonWriter writer, List<?> elements) {
    writer.name("arrayValue").beginObject().name("values").beginArray();
    for (Object element : elements) {
      write(writer, element);
    }
    writer.endArray().endObject();
  }

  /** Writes the field of an AnyValue object for an extended attribute {@link Value}. */
  private static void writeValueBody(JsonWriter writer, Value<?> value) {
    switch (value.getType()) {
      case STRING:
        writer.field("stringValue", (String) value.getValue());
        break;
      case BOOLEAN:
        writer.name("boolValue").value((boolean) (Boolean) value.getValue());
        break;
      case LONG:
        writer.field("intValue", Long.toString((Long) value.getValue()));
        break;
      case DOUBLE:
        writer.name("doubleValue").value((double) (Double) value.getValue());
        break;
      case BYTES:
        writer.field("bytesValue", AttributeText.base64((ByteBuffer) value.getValue()));
        break;
      case ARRAY:
        writeArray(writer, (List<?>) value.getValue());
        break;
      case KEY_VALUE_LIST:
        writer.name("kvlistValue").beginObject().name("values").beginArray();
        for (Object entry : (List<?>) value.getValue()) {
          KeyValue keyValue = (KeyValue) entry;
          writeKeyValue(writer, keyValue.getKey(), keyValue.getValue());
        }
        writer.endArray().endObject();
        break;
      default:
        // EMPTY: an AnyValue with no field set.
        break;
    }
  }
}
