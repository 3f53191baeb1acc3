package io.tracewire.analytics.stats;

import java.util.Arrays;

/**
 * A mergeable quantile sketch over non-negative durations with a guaranteed relative error.
 *
 * <p>Values fall into logarithmic buckets: bucket {@code i} holds {@code (γ^(i-1), γ^i]} with
 * {@code γ = (1 + α) / (1 - α)}, and answers with {@code 2γ^i / (γ + 1)}, which is within a factor
 * {@code 1 ± α} of every value in the bucket. So for a quantile {@code q} over {@code n} values, the
 * answer {@code x'} and the exact value {@code x} satisfy {@code |x' - x| <= α·x}, where {@code x}
 * is the nearest-rank quantile: the {@code ⌈q·n⌉}-th smallest value (the smallest for {@code q = 0}).
 * The bound holds for values of at least 1 (durations are whole microseconds); values below 1
 * (a zero duration) are counted apart and answered as 0.
 *
 * <p>Merging adds bucket counts, so the merge of two sketches answers exactly as a sketch fed every
 * value of both. Memory is bounded by the range of values, not their number: durations from 1 µs to
 * a year need fewer than 1,600 buckets at α = 1 %.
 */
public final class QuantileSketch {

  /** The relative accuracy used by the reports: 1 %. */
  public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

  // Values above this (about 31 years in microseconds) are clamped, which bounds the bucket range.
  private static final double MAX_VALUE = 1e15;

  private final double relativeAccuracy;
  private final double gamma;
  private final double logGamma;
  private long[] counts = new long[0];
  private int offset; // bucket index of counts[0]
  private long zeroCount;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public QuantileSketch() {
    this(DEFAULT_RELATIVE_ACCURACY);
  }

  public QuantileSketch(double relativeAccuracy) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new IllegalArgumentException("relative accuracy must be in (0, 1): " + relativeAccuracy);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(gamma);
  }

  public double relativeAccuracy() {
    return relativeAccuracy;
  }

  public long count() {
    return count;
  }

  public void add(double value) {
    count++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (!(value >= 1)) {
      zeroCount++;
      return;
    }
    int index = bucketIndex(Math.min(value, MAX_VALUE));
    ensureBucket(index);
    counts[index - offset]++;
  }

  /** Adds every value of {@code other}, which must have the same relative accuracy. */
  public void merge(QuantileSketch other) {
    if (other.relativeAccuracy != relativeAccuracy) {
      throw new IllegalArgumentException("cannot merge sketches of different accuracy");
    }
    if (other.counts.length > 0) {
      ensureBucket(other.offset);
      ensureBucket(other.offset + other.counts.length - 1);
      for (int i = 0; i < other.counts.length; i++) {
        counts[other.offset + i - offset] += other.counts[i];
      }
    }
    zeroCount += other.zeroCount;
    count += other.count;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /**
   * The value at quantile {@code q} (0 to 1) within the relative accuracy, or {@code NaN} when the
   * sketch is empty. The smallest and largest values are kept exactly: the first and last ranks
   * answer them, and other answers are kept between them, which only brings them closer.
   */
  public double quantile(double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
    }
    if (count == 0) {
      return Double.NaN;
    }
    // 0-based nearest rank; the small slack keeps 0.95 * 20 from rounding up to 20.0000001.
    long rank = Math.max(0, (long) Math.ceil(q * count - 1e-9) - 1);
    // The extremes are known exactly.
    if (rank == count - 1) {
      return max;
    }
    if (rank == 0) {
      return min;
    }
    if (rank < zeroCount) {
      return 0;
    }
    long seen = zeroCount;
    int index = offset + counts.length - 1;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > rank) {
        index = i + offset;
        break;
      }
    }
    return Math.max(min, Math.min(max, bucketValue(index)));
  }

  /**
   * Visits the non-empty buckets in increasing order with their lower and upper bounds and count;
   * values below 1 come first as the bucket {@code [0, 1)}.
   */
  public void forEachBucket(BucketVisitor visitor) {
    if (zeroCount > 0) {
      visitor.visit(0, 1, zeroCount);
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        int index = i + offset;
        visitor.visit(Math.pow(gamma, index - 1), Math.pow(gamma, index), counts[i]);
      }
    }
  }

  /** Receives one bucket of {@link #forEachBucket}. */
  public interface BucketVisitor {
    void visit(double lower, double upper, long count);
  }

  private int bucketIndex(double value) {
    return (int) Math.ceil(Math.log(value) / logGamma);
  }

  private double bucketValue(int index) {
    return 2 * Math.pow(gamma, index) / (gamma + 1);
  }

  private void ensureBucket(int index) {
    if (counts.length == 0) {
      counts = new long[16];
      offset = index;
      return;
    }
    if (index < offset) {
      int grow = Math.max(offset - index, 16);
      long[] wider = new long[counts.length + grow];
      System.arraycopy(counts, 0, wider, grow, counts.length);
      counts = wider;
      offset -= grow;
    } else if (index >= offset + counts.length) {
      int needed = index - offset + 1;
      counts = Arrays.copyOf(counts, Math.max(needed, counts.length + 16));
    }
  }
}
