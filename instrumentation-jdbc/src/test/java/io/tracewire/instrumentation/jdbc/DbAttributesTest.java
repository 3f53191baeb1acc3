package io.tracewire.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DbAttributesTest {

  @Test
  void queryTextIsCutAtItsBound() {
    String huge = "SELECT ?" + ", ?".repeat(10_000);
    assertEquals(DbAttributes.MAX_QUERY_TEXT_LENGTH, DbAttributes.boundedQueryText(huge).length());
    String small = "SELECT ?";
    assertSame(small, DbAttributes.boundedQueryText(small));
    assertNull(DbAttributes.boundedQueryText(null));
  }
}
