package io.tracewire.analytics.stats;

/** Count, sum, maximum and quantile sketch of a stream of durations in microseconds. */
public final class DurationStats {

  private final QuantileSketch sketch = new QuantileSketch();
  private long count;
  private long errors;
  private double sumMicros;
  private long maxMicros;

  public void add(long micros, boolean error) {
    count++;
    if (error) {
      errors++;
    }
    sumMicros += micros;
    maxMicros = Math.max(maxMicros, micros);
    sketch.add(micros);
  }

  public long count() {
    return count;
  }

  public long errors() {
    return errors;
  }

  public double errorRate() {
    return count == 0 ? 0 : (double) errors / count;
  }

  public double averageMicros() {
    return count == 0 ? 0 : sumMicros / count;
  }

  public long maxMicros() {
    return maxMicros;
  }

  public double quantileMicros(double q) {
    return count == 0 ? 0 : sketch.quantile(q);
  }

  public QuantileSketch sketch() {
    return sketch;
  }
}
