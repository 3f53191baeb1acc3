package io.tracewire.exporter;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Formats one span as a single console line: name, kind, duration, error status, attributes.
 *
 * <p>The attributes that tell most about a span come first, in a fixed order; the rest follow
 * sorted by key. Values are cut at {@value #MAX_VALUE_LENGTH} characters, and strings that contain
 * blanks or special characters are quoted with JSON escapes, so a span never spans two lines.
 */
final class SpanLineFormatter {

  static final int MAX_VALUE_LENGTH = 120;

  static final List<String> KEY_ATTRIBUTES =
      Arrays.asList(
          "db.system.name",
          "db.namespace",
          "db.query.text",
          "db.operation.batch.size",
          "server.address",
          "server.port",
          "http.request.method",
          "url.full",
          "http.response.status_code",
          "messaging.system",
          "messaging.destination.name",
          "error.type",
          "code.function.name");

  private SpanLineFormatter() {}

  static void append(StringBuilder out, SpanData span) {
    out.append(oneLine(span.getName()))
        .append("  ")
        .append(span.getKind().name())
        .append("  ")
        .append(duration(span.getEndEpochNanos() - span.getStartEpochNanos()));
    StatusData status = span.getStatus();
    if (status.getStatusCode() == StatusCode.ERROR) {
      out.append("  ERROR");
      String description = status.getDescription();
      if (description != null && !description.isEmpty()) {
        out.append(' ');
        JsonWriter.quote(out, truncate(description));
      }
    }
    appendAttributes(out, span.getAttributes());
  }

  private static void appendAttributes(StringBuilder out, Attributes attributes) {
    Map<String, Object> remaining = new TreeMap<>();
    attributes.forEach((key, value) -> remaining.put(key.getKey(), value));
    for (String key : KEY_ATTRIBUTES) {
      Object value = remaining.remove(key);
      if (value != null) {
        appendAttribute(out, key, value);
      }
    }
    for (Map.Entry<String, Object> entry : remaining.entrySet()) {
      appendAttribute(out, entry.getKey(), entry.getValue());
    }
  }

  private static void appendAttribute(StringBuilder out, String key, Object value) {
    out.append("  ").append(oneLine(key)).append('=');
    String text = truncate(AttributeText.of(value));
    if (isJson(value) || !needsQuotes(text)) {
      out.append(text);
    } else {
      JsonWriter.quote(out, text);
    }
  }

  // Arrays and maps are already rendered as single-line JSON.
  private static boolean isJson(Object value) {
    if (value instanceof List) {
      return true;
    }
    if (value instanceof Value) {
      ValueType type = ((Value<?>) value).getType();
      return type == ValueType.ARRAY || type == ValueType.KEY_VALUE_LIST;
    }
    return false;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)
          || Character.isISOControl(c)
          || c == '"'
          || c == '\\'
          || c == '='
          || c == '\u2028'
          || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  static String truncate(String text) {
    if (text.length() <= MAX_VALUE_LENGTH) {
      return text;
    }
    int end = MAX_VALUE_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** Replaces line breaks and other control characters, which would break the tree layout. */
  static String oneLine(String text) {
    StringBuilder result = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (result == null) {
          result = new StringBuilder(text);
        }
        result.setCharAt(i, ' ');
      }
    }
    return result == null ? text : result.toString();
  }

  static String duration(long nanos) {
    if (nanos >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
    if (nanos >= 100_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
  }
}
