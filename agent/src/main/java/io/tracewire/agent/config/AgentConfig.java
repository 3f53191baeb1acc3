package io.tracewire.agent.config;

import io.tracewire.agent.AgentLog;
import io.tracewire.instrumentation.api.InstrumentationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's configuration, under the OpenTelemetry agent's names: a system property wins over
 * its environment-variable form ({@code otel.bsp.max.queue.size} / {@code OTEL_BSP_MAX_QUEUE_SIZE}),
 * which wins over the default. A malformed value is never fatal: one warning line names the
 * property, the bad value and what is used instead.
 */
public final class AgentConfig implements InstrumentationConfig {

  private final Properties properties;
  private final Map<String, String> environment;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public AgentConfig(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public static AgentConfig fromSystem() {
    return new AgentConfig(System.getProperties(), System.getenv());
  }

  /** The raw value, or {@code null} when neither form is set (blank counts as unset). */
  public String raw(String name) {
    String value = properties.getProperty(name);
    if (value == null) {
      value = environment.get(environmentName(name));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  @Override
  public String getString(String name, String defaultValue) {
    String value = raw(name);
    return value == null ? defaultValue : value;
  }

  @Override
  public boolean getBoolean(String name, boolean defaultValue) {
    String value = raw(name);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    return invalid(name, value, "true or false", defaultValue);
  }

  @Override
  public int getInt(String name, int defaultValue) {
    String value = raw(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return invalid(name, value, "a whole number", defaultValue);
    }
  }

  /** Like {@link #getInt} but also rejects values below {@code minimum}. */
  public int getInt(String name, int defaultValue, int minimum) {
    int value = getInt(name, defaultValue);
    if (value < minimum) {
      return invalid(name, raw(name), "a whole number of at least " + minimum, defaultValue);
    }
    return value;
  }

  public double getDouble(String name, double defaultValue) {
    String value = raw(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return invalid(name, value, "a number", defaultValue);
    }
  }

  /**
   * A duration: a whole number of milliseconds, or a number with a unit {@code ms}, {@code s},
   * {@code m}, {@code h} or {@code d}, as the OpenTelemetry SDK reads them. Zero or negative is
   * rejected.
   */
  public Duration getDuration(String name, Duration defaultValue) {
    String value = raw(name);
    if (value == null) {
      return defaultValue;
    }
    Duration parsed = parseDuration(value);
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      return invalid(
          name, value, "a positive duration such as 500, 500ms or 10s", defaultValue, format(defaultValue));
    }
    return parsed;
  }

  static Duration parseDuration(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0) {
      return null;
    }
    long amount;
    try {
      amount = Long.parseLong(text.substring(0, unitStart));
    } catch (NumberFormatException e) {
      return null;
    }
    switch (text.substring(unitStart).trim()) {
      case "":
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      case "d":
        return Duration.ofDays(amount);
      default:
        return null;
    }
  }

  private static String format(Duration duration) {
    return duration.toMillis() + " ms";
  }

  /**
   * One of {@code allowed} (compared case-insensitively, returned lower-case), else the default.
   */
  public String getChoice(String name, String defaultValue, List<String> allowed) {
    String value = raw(name);
    if (value == null) {
      return defaultValue;
    }
    String normalized = value.toLowerCase(Locale.ROOT);
    if (allowed.contains(normalized)) {
      return normalized;
    }
    return invalid(name, value, "one of " + String.join(", ", allowed), defaultValue);
  }

  @Override
  public List<String> getList(String name) {
    String value = raw(name);
    if (value == null) {
      return Collections.emptyList();
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return Collections.unmodifiableList(items);
  }

  /**
   * {@code key=value} pairs separated by commas, as in {@code otel.resource.attributes} and
   * {@code otel.exporter.otlp.headers}; values are percent-decoded. A pair without {@code =} is
   * skipped with a warning.
   */
  public Map<String, String> getMap(String name) {
    return getMap(name, false);
  }

  /**
   * Like {@link #getMap}, for values that are secrets ({@code otel.exporter.otlp.headers}): a
   * malformed entry is named by its position only, since it may be a whole {@code Authorization:
   * Bearer ...} written with {@code :}.
   */
  public Map<String, String> getSecretMap(String name) {
    return getMap(name, true);
  }

  private Map<String, String> getMap(String name, boolean secret) {
    Map<String, String> map = new LinkedHashMap<>();
    List<String> pairs = getList(name);
    for (int i = 0; i < pairs.size(); i++) {
      String pair = pairs.get(i);
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        String entry = secret ? "entry " + (i + 1) + " (not shown)" : "entry '" + pair + "'";
        warnOnce(name, "invalid " + entry + " in " + name + " (expected key=value); skipped");
        continue;
      }
      map.put(pair.substring(0, equals).trim(), decode(pair.substring(equals + 1).trim()));
    }
    return map;
  }

  private static String decode(String value) {
    try {
      return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /** Reports a bad value once and returns {@code fallback}. */
  public <T> T invalid(String name, String value, String expected, T fallback) {
    return invalid(name, value, expected, fallback, String.valueOf(fallback));
  }

  /** Like {@link #invalid(String, String, String, Object)}, showing the fallback as {@code shown}. */
  public <T> T invalid(String name, String value, String expected, T fallback, String shown) {
    warnOnce(
        name,
        "invalid value '" + value + "' for " + name + " (expected " + expected + "); using " + shown);
    return fallback;
  }

  /** A warning about one property, printed at most once. */
  public void warnOnce(String name, String message) {
    if (warned.add(name + '\u0000' + message)) {
      AgentLog.warn(message);
    }
  }
}
