package io.tracewire.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static String quote(String s) {
    StringBuilder out = new StringBuilder();
    JsonWriter.quote(out, s);
    return out.toString();
  }

  @Test
  void escapesWhatJsonAndJavaScriptRequire() {
    assertEquals("\"a\\\"b\\\\c\"", quote("a\"b\\c"));
    assertEquals("\"\\n\\r\\t\\b\\f\"", quote("\n\r\t\b\f"));
    assertEquals("\"\\u0000\\u001f\\u0001\"", quote("\u0000\u001f\u0001"));
    assertEquals("\"\\u2028\\u2029\"", quote("\u2028\u2029"));
    assertEquals("\"/ é 😀\"", quote("/ é 😀"));
  }

  @Test
  void replacesUnpairedSurrogates() {
    assertEquals("\"a\ufffdb\ufffd\"", quote("a\ud83db\ude00"));
  }

  @Test
  void placesCommasAndWritesNonFiniteDoublesAsStrings() {
    JsonWriter writer = new JsonWriter();
    writer
        .beginObject()
        .field("a", 1)
        .name("b")
        .beginArray()
        .value(true)
        .value(1.5)
        .value(Double.NaN)
        .nullValue()
        .endArray()
        .name("c")
        .beginObject()
        .endObject()
        .field("d", "x")
        .endObject();
    assertEquals("{\"a\":1,\"b\":[true,1.5,\"NaN\",null],\"c\":{},\"d\":\"x\"}", writer.toString());
    MiniJson.parse(writer.toString());
  }
}
