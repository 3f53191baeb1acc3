package io.tracewire.analytics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {

  private static final double[] QUANTILES = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1};

  @Test
  void smallSetsAnswerTheNearestRankWithinOnePercent() {
    QuantileSketch sketch = new QuantileSketch();
    for (double value : new double[] {100, 200, 50, 400}) {
      sketch.add(value);
    }
    // Sorted 50, 100, 200, 400: p50 is the 2nd value, p95 and p99 the 4th, p0 the 1st.
    assertClose(50, sketch.quantile(0));
    assertClose(100, sketch.quantile(0.5));
    assertClose(200, sketch.quantile(0.75));
    assertClose(400, sketch.quantile(0.95));
    assertClose(400, sketch.quantile(1));
    assertEquals(4, sketch.count());
  }

  @Test
  void errorStaysWithinTheDocumentedBoundOnSkewedData() {
    Random random = new Random(42);
    checkBound("uniform", () -> 1 + random.nextDouble() * 1_000_000, 50_000, 0.01);
    checkBound("log-normal", () -> Math.exp(8 + 2 * random.nextGaussian()), 50_000, 0.01);
    checkBound("exponential", () -> -1000 * Math.log(1 - random.nextDouble()), 50_000, 0.01);
    checkBound("two modes", () -> random.nextBoolean() ? 5 + random.nextDouble() : 300_000 + random.nextDouble(),
        20_000, 0.01);
    checkBound("coarser accuracy", () -> Math.exp(10 * random.nextDouble()), 20_000, 0.05);
  }

  @Test
  void mergeAnswersLikeOneSketchFedEverything() {
    Random random = new Random(7);
    QuantileSketch all = new QuantileSketch();
    QuantileSketch low = new QuantileSketch();
    QuantileSketch high = new QuantileSketch();
    for (int i = 0; i < 10_000; i++) {
      double small = 1 + random.nextDouble() * 100;
      double large = 1e6 + random.nextDouble() * 1e7;
      all.add(small);
      all.add(large);
      low.add(small);
      high.add(large);
    }
    low.merge(high);
    assertEquals(all.count(), low.count());
    for (double q : QUANTILES) {
      assertEquals(all.quantile(q), low.quantile(q), 0, "q=" + q);
    }
  }

  @Test
  void zeroDurationsAreCountedAndAnsweredAsZero() {
    QuantileSketch sketch = new QuantileSketch();
    sketch.add(0);
    sketch.add(0);
    sketch.add(1000);
    assertEquals(0, sketch.quantile(0.5));
    assertClose(1000, sketch.quantile(1));
  }

  @Test
  void emptySketchAnswersNaN() {
    assertTrue(Double.isNaN(new QuantileSketch().quantile(0.5)));
  }

  @Test
  void memoryDependsOnTheRangeNotTheCount() {
    QuantileSketch sketch = new QuantileSketch();
    int[] buckets = new int[1];
    for (int i = 0; i < 1_000_000; i++) {
      sketch.add(1 + (i % 100_000) * 10.0); // 1 µs to 1 s
    }
    sketch.forEachBucket((lower, upper, count) -> buckets[0]++);
    // log(1e6) / log(1.0202) ≈ 700 buckets for six decades at 1 %.
    assertTrue(buckets[0] < 710, "buckets: " + buckets[0]);
  }

  @Test
  void rejectsMeaninglessArguments() {
    assertThrows(IllegalArgumentException.class, () -> new QuantileSketch(0));
    assertThrows(IllegalArgumentException.class, () -> new QuantileSketch().quantile(1.5));
    assertThrows(IllegalArgumentException.class, () -> new QuantileSketch(0.01).merge(new QuantileSketch(0.02)));
  }

  private static void checkBound(String name, DoubleSupplier values, int n, double accuracy) {
    QuantileSketch sketch = new QuantileSketch(accuracy);
    double[] exact = new double[n];
    for (int i = 0; i < n; i++) {
      exact[i] = values.getAsDouble();
      sketch.add(exact[i]);
    }
    Arrays.sort(exact);
    for (double q : QUANTILES) {
      double expected = exact[(int) Math.max(0, Math.ceil(q * n - 1e-9) - 1)];
      double actual = sketch.quantile(q);
      if (expected < 1) {
        assertTrue(actual == 0 || actual == expected, name + " q=" + q + ": below 1 is answered as 0 (or exactly, as the minimum)");
        continue;
      }
      assertTrue(Math.abs(actual - expected) <= accuracy * expected * (1 + 1e-9),
          name + " q=" + q + ": exact " + expected + ", sketch " + actual);
    }
  }

  private static void assertClose(double expected, double actual) {
    assertEquals(expected, actual, expected * 0.01);
  }
}
