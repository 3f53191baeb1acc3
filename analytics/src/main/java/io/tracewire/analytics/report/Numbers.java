package io.tracewire.analytics.report;

import java.util.Locale;

/** How figures read in the table and HTML formats. */
final class Numbers {

  private Numbers() {}

  /** Milliseconds with enough digits to tell short spans apart: {@code 0.042}, {@code 4.21}, {@code 312.4}. */
  static String ms(double ms) {
    if (ms == 0) {
      return "0";
    }
    if (ms < 1) {
      return String.format(Locale.ROOT, "%.3f", ms);
    }
    if (ms < 100) {
      return String.format(Locale.ROOT, "%.2f", ms);
    }
    return String.format(Locale.ROOT, "%,.1f", ms);
  }

  /** A share as a percentage: {@code 14.3 %}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** A count with thousands separators. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }
}
