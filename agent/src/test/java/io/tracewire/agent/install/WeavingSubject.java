package io.tracewire.agent.install;

import java.util.ArrayList;
import java.util.List;

/** Methods of every shape the weaver must keep working exactly as written. */
public class WeavingSubject {

  private final List<String> log = new ArrayList<>();

  public int add(int a, int b) {
    return a + b;
  }

  public static long scale(long value, double factor) {
    return (long) (value * factor);
  }

  public boolean flag(boolean value, char letter, byte small, short medium, float ratio) {
    return value && letter == 'x' && small == 1 && medium == 2 && ratio > 0.5f;
  }

  public void record(String entry) {
    log.add(entry);
  }

  public String[] split(String text) {
    return text.split(",");
  }

  public int fail(String message) {
    throw new IllegalStateException(message);
  }

  /** Catches its own exception: the caller and the interceptor see a normal return. */
  public int recover(int value) {
    try {
      if (value > 0) {
        throw new IllegalArgumentException("positive");
      }
      return value;
    } catch (IllegalArgumentException expected) {
      return -value;
    } finally {
      log.add("finally");
    }
  }

  /** Loops and branches: stack map frames in the middle of the method. */
  public long sumTo(int limit) {
    long sum = 0;
    for (int i = 0; i <= limit; i++) {
      if (i % 2 == 0) {
        sum += i;
      } else {
        sum += 2L * i;
      }
    }
    return sum;
  }

  /** A jump back to the very first instruction. */
  public int countDown(int from) {
    while (from > 0) {
      from--;
    }
    return from;
  }

  public synchronized String describe(Object value, int kind) {
    switch (kind) {
      case 0:
        return "zero " + value;
      case 1:
        return "one " + value;
      case 7:
        return "seven " + value;
      default:
        return "other " + value;
    }
  }

  public double divide(double a, double b) {
    double result = a / b;
    if (Double.isInfinite(result)) {
      throw new ArithmeticException("infinite");
    }
    return result;
  }

  public List<String> log() {
    return log;
  }
}
