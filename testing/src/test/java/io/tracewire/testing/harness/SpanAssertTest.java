package io.tracewire.testing.harness;

import static io.tracewire.testing.harness.SpanAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

class SpanAssertTest {

  private final Spans spans = new Spans(OtlpDecoder.decode(TestRequests.parentAndChild()));
  private final ReceivedSpan parent = spans.single("GET /orders");
  private final ReceivedSpan child = spans.single("SELECT orders");

  @Test
  void passesOnMatchingSpans() {
    assertThat(child)
        .hasName("SELECT orders")
        .hasKind("CLIENT")
        .hasAttribute("db.system.name", "postgresql")
        .hasAttribute("server.port", 5432L)
        .hasAttribute("server.port", 5432)
        .hasAttribute("db.client.ratio", 0.25)
        .hasAttribute("db.cached", true)
        .hasAttribute("db.tags", List.of("a", "b"))
        .hasAttribute("db.tags")
        .hasNoAttribute("db.statement")
        .hasAttributeMatching("db.system.name", value -> value.toString().startsWith("postgres"))
        .hasParent(parent)
        .isInSameTraceAs(parent)
        .hasStatus("ERROR")
        .hasStatusMessage("table missing")
        .hasEvent("exception")
        .hasNoEvent("retry")
        .hasResourceAttribute("service.name", "checkout")
        .hasResourceAttribute("process.pid", 4242)
        .hasScopeName("tracewire-jdbc")
        .satisfies("ends after it starts", span -> span.endEpochNanos() > span.startEpochNanos());
    assertThat(parent).isRoot().hasKind("SERVER").hasStatus("UNSET");
  }

  @Test
  void failuresShowExpectationAndSpan() {
    assertFails(() -> assertThat(child).hasKind("SERVER"), "to have kind SERVER but it was CLIENT");
    assertFails(() -> assertThat(child).hasAttribute("server.port", "5432"),
        "server.port = \"5432\" (String) but it was 5432 (Long)");
    assertFails(() -> assertThat(child).hasAttribute("db.statement", "SELECT 1"), "db.statement = \"SELECT 1\" (String) but it is absent");
    assertFails(() -> assertThat(child).hasNoAttribute("db.system.name"), "to have no attribute db.system.name but it was \"postgresql\"");
    assertFails(() -> assertThat(child).hasAttributeMatching("server.port", value -> false), "matching the predicate but it was 5432");
    assertFails(() -> assertThat(parent).hasParent(child), "to be a child of \"SELECT orders\"");
    assertFails(() -> assertThat(child).isRoot(), "to be a root span but its parent is " + TestRequests.PARENT_ID);
    assertFails(() -> assertThat(child).hasStatus("OK"), "to have status OK but it was ERROR");
    assertFails(() -> assertThat(parent).hasEvent("exception"), "to have an event named \"exception\"");
    assertFails(() -> assertThat(child).hasResourceAttribute("service.name", "billing"),
        "resource attribute service.name = \"billing\" (String) but it was \"checkout\"");
    assertFails(() -> assertThat(child).hasLinkTo(parent), "to link to");
  }

  @Test
  void failureCarriesExpectedAndActualValues() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> assertThat(child).hasAttribute("server.port", 80));
    assertEquals(80L, error.getExpected().getValue());
    assertEquals(5432L, error.getActual().getValue());
  }

  private void assertFails(Executable assertion, String expectedFragment) {
    AssertionFailedError error = assertThrows(AssertionFailedError.class, assertion);
    String message = error.getMessage();
    assertTrue(message.contains(expectedFragment), () -> "message lacks [" + expectedFragment + "]: " + message);
    assertTrue(message.contains("\n  span: \""), () -> "message lacks the span: " + message);
  }
}
