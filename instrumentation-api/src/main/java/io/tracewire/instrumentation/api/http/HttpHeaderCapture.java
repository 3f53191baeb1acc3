package io.tracewire.instrumentation.api.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.tracewire.instrumentation.api.InstrumentationConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Records the headers a user asked for as {@code http.request.header.<name>} /
 * {@code http.response.header.<name>} string arrays. Credentials never leave the process: the
 * values of {@code authorization}, {@code cookie} and the like, and of every name in {@code
 * otel.instrumentation.http.sensitive-headers}, are each replaced by {@code [REDACTED]}, even when
 * the user lists them for capture.
 */
public final class HttpHeaderCapture {

  public static final String REDACTED = "[REDACTED]";
  static final String SENSITIVE_HEADERS_PROPERTY = "otel.instrumentation.http.sensitive-headers";
  private static final List<String> ALWAYS_SENSITIVE =
      Arrays.asList("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /** Looks a header's values up by name on a request or response; empty or null when absent. */
  public interface HeaderValues<T> {
    List<String> values(T carrier, String name);
  }

  private final String[] names;
  private final AttributeKey<List<String>>[] keys;
  private final boolean[] sensitive;

  @SuppressWarnings("unchecked")
  private HttpHeaderCapture(List<String> names, String prefix, Set<String> sensitiveNames) {
    this.names = names.toArray(new String[0]);
    this.keys = new AttributeKey[this.names.length];
    this.sensitive = new boolean[this.names.length];
    for (int i = 0; i < this.names.length; i++) {
      keys[i] = AttributeKey.stringArrayKey(prefix + this.names[i]);
      sensitive[i] = sensitiveNames.contains(this.names[i]);
    }
  }

  /**
   * The capture that {@code property} (a list of header names such as {@code
   * otel.instrumentation.http.client.capture-request-headers}) asks for, for attributes starting
   * with {@code prefix} ({@code http.request.header.} or {@code http.response.header.}).
   */
  public static HttpHeaderCapture fromConfig(
      InstrumentationConfig config, String property, String prefix) {
    Set<String> sensitiveNames = new HashSet<>(ALWAYS_SENSITIVE);
    sensitiveNames.addAll(lowercase(config.getList(SENSITIVE_HEADERS_PROPERTY)));
    return new HttpHeaderCapture(lowercase(config.getList(property)), prefix, sensitiveNames);
  }

  public static HttpHeaderCapture requestHeaders(InstrumentationConfig config, String property) {
    return fromConfig(config, property, "http.request.header.");
  }

  public static HttpHeaderCapture responseHeaders(InstrumentationConfig config, String property) {
    return fromConfig(config, property, "http.response.header.");
  }

  /** Whether no header is to be captured, so callers can skip all work. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** Records the configured headers of {@code carrier} that are present on {@code span}. */
  public <T> void capture(Span span, T carrier, HeaderValues<T> headers) {
    for (int i = 0; i < names.length; i++) {
      List<String> values = headers.values(carrier, names[i]);
      if (values == null || values.isEmpty()) {
        continue;
      }
      span.setAttribute(keys[i], sensitive[i] ? redacted(values.size()) : copy(values));
    }
  }

  private static List<String> redacted(int count) {
    return Collections.nCopies(count, REDACTED);
  }

  private static List<String> copy(List<String> values) {
    // Copied so a library that reuses its header lists cannot change the recorded attribute.
    return Collections.unmodifiableList(new ArrayList<>(values));
  }

  private static List<String> lowercase(List<String> names) {
    List<String> result = new ArrayList<>(names.size());
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!result.contains(lower)) {
        result.add(lower);
      }
    }
    return result;
  }
}
