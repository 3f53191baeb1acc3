package io.tracewire.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpanLineFormatterTest {

  @Test
  void picksAUnitThatKeepsShortSpansReadable() {
    assertEquals("42.0 µs", SpanLineFormatter.duration(42_000));
    assertEquals("0.4 ms", SpanLineFormatter.duration(400_000));
    assertEquals("12.3 ms", SpanLineFormatter.duration(12_300_000));
    assertEquals("2.50 s", SpanLineFormatter.duration(2_500_000_000L));
  }

  @Test
  void truncatesWithoutSplittingASurrogatePair() {
    String text = "a".repeat(119) + "😀" + "tail";
    assertEquals("a".repeat(119) + "…", SpanLineFormatter.truncate(text));
    assertEquals("short", SpanLineFormatter.truncate("short"));
  }

  @Test
  void replacesLineBreaksInNames() {
    assertEquals("a b c d", SpanLineFormatter.oneLine("a\nb\u2028c\td"));
  }
}
