package io.tracewire.analytics.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the most frequent keys in bounded memory (the Space-Saving algorithm): at most
 * {@code capacity} keys are tracked; a new key when full replaces the least counted one and
 * inherits its count. Counts are exact while no more than {@code capacity} distinct keys were seen;
 * after that a count can be too high by at most {@code total / capacity}, and any key seen more
 * often than that is guaranteed to be tracked.
 */
public final class TopCounter {

  /** A tracked key, its count and how much of that count may belong to keys it replaced. */
  public record Entry(String key, long count, long overestimate) {}

  private final int capacity;
  private final Map<String, long[]> counts = new HashMap<>(); // key -> {count, overestimate}
  private long total;

  public TopCounter(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  public void add(String key) {
    total++;
    long[] slot = counts.get(key);
    if (slot != null) {
      slot[0]++;
      return;
    }
    if (counts.size() < capacity) {
      counts.put(key, new long[] {1, 0});
      return;
    }
    String smallest = null;
    long smallestCount = Long.MAX_VALUE;
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      if (entry.getValue()[0] < smallestCount) {
        smallestCount = entry.getValue()[0];
        smallest = entry.getKey();
      }
    }
    counts.remove(smallest);
    counts.put(key, new long[] {smallestCount + 1, smallestCount});
  }

  /** Everything counted so far, tracked or not. */
  public long total() {
    return total;
  }

  /** Whether every count is exact: no more distinct keys were seen than are tracked. */
  public boolean exact() {
    for (long[] slot : counts.values()) {
      if (slot[1] > 0) {
        return false;
      }
    }
    return true;
  }

  /** The {@code n} most counted keys, most first, ties by key. */
  public List<Entry> top(int n) {
    List<Entry> entries = new ArrayList<>(counts.size());
    counts.forEach((key, slot) -> entries.add(new Entry(key, slot[0], slot[1])));
    entries.sort(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::key));
    return entries.subList(0, Math.min(n, entries.size()));
  }
}
