package io.tracewire.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  /** Equal but distinct keys: identity, not equals, must decide. */
  private static final class SameEverywhere {
    @Override
    public boolean equals(Object other) {
      return other instanceof SameEverywhere;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void keysAreComparedByIdentity() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object first = new SameEverywhere();
    Object second = new SameEverywhere();
    map.put(first, "first");
    assertEquals("first", map.get(first));
    assertNull(map.get(second));
    map.put(second, "second");
    assertEquals("first", map.get(first));
    assertEquals("second", map.get(second));
    map.remove(first);
    assertNull(map.get(first));
  }

  @Test
  void collectedKeysArePurged() throws InterruptedException {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    for (int i = 0; i < 1000; i++) {
      map.put(new Object(), "value " + i);
    }
    List<Object> kept = new ArrayList<>();
    for (int attempt = 0; attempt < 50 && map.size() > 0; attempt++) {
      System.gc();
      Thread.sleep(20);
      Object key = new Object();
      kept.add(key);
      map.put(key, "kept");
    }
    assertTrue(map.size() <= kept.size(), "entries of collected keys remain: " + map.size());
    assertEquals("kept", map.get(kept.get(0)));
  }

  @Test
  void computeIfAbsentStoresOnce() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object key = new Object();
    assertEquals("a", map.computeIfAbsent(key, k -> "a"));
    assertEquals("a", map.computeIfAbsent(key, k -> "b"));
  }
}
