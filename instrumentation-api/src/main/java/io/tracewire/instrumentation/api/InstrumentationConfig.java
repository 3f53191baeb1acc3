package io.tracewire.instrumentation.api;

import java.util.List;

/**
 * Configuration as instrumentations see it: system properties over environment variables over
 * the given default. A malformed value is reported once, naming the property, and the default is
 * used instead.
 */
public interface InstrumentationConfig {

  /** The value, trimmed, or {@code defaultValue} when unset or blank. */
  String getString(String name, String defaultValue);

  boolean getBoolean(String name, boolean defaultValue);

  int getInt(String name, int defaultValue);

  /** A comma-separated list, trimmed, without empty entries; empty when unset. */
  List<String> getList(String name);

  /** Warns once about a property's value: one line naming the property and what is used instead. */
  void warnOnce(String name, String message);

  /** Whether {@code otel.semconv-stability.opt-in} lists {@code value}, e.g. {@code database/dup}. */
  default boolean semconvOptIn(String value) {
    return getList("otel.semconv-stability.opt-in").contains(value);
  }
}
