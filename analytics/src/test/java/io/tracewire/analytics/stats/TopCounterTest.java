package io.tracewire.analytics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopCounterTest {

  @Test
  void countsExactlyWhileKeysFit() {
    TopCounter counter = new TopCounter(3);
    for (String key : List.of("b", "a", "b", "c", "b", "a")) {
      counter.add(key);
    }
    assertEquals(List.of(new TopCounter.Entry("b", 3, 0), new TopCounter.Entry("a", 2, 0)), counter.top(2));
    assertTrue(counter.exact());
    assertEquals(6, counter.total());
  }

  @Test
  void keepsFrequentKeysWhenRareOnesOverflow() {
    TopCounter counter = new TopCounter(10);
    for (int i = 0; i < 1000; i++) {
      counter.add("timeout");
      if (i % 2 == 0) {
        counter.add("refused");
      }
      counter.add("rare-" + i); // 1000 distinct keys seen once each
    }
    List<TopCounter.Entry> top = counter.top(2);
    assertEquals("timeout", top.get(0).key());
    assertEquals("refused", top.get(1).key());
    // Guarantee: a count is high by at most total / capacity.
    long bound = counter.total() / 10;
    assertTrue(top.get(0).count() - 1000 <= bound, top.toString());
    assertTrue(top.get(1).count() - 500 <= bound, top.toString());
    assertFalse(counter.exact());
  }
}
