package io.tracewire.instrumentation.api.http;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request methods {@code http.request.method} may carry. Any other method (and any method in
 * another case: method names are case-sensitive) is reported as {@code _OTHER}, so a client
 * sending random verbs cannot blow up the cardinality of span names.
 */
public final class HttpMethods {

  public static final String OTHER = "_OTHER";
  static final String KNOWN_METHODS_PROPERTY = "otel.instrumentation.http.known-methods";
  private static final List<String> DEFAULT =
      Arrays.asList("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final Set<String> known;

  private HttpMethods(Set<String> known) {
    this.known = known;
  }

  /** The methods of RFC 9110 and PATCH, or the full list {@code known-methods} gives instead. */
  public static HttpMethods fromConfig(InstrumentationConfig config) {
    List<String> configured = config.getList(KNOWN_METHODS_PROPERTY);
    return new HttpMethods(
        Collections.unmodifiableSet(new HashSet<>(configured.isEmpty() ? DEFAULT : configured)));
  }

  public static HttpMethods defaults() {
    return new HttpMethods(Collections.unmodifiableSet(new HashSet<>(DEFAULT)));
  }

  public boolean isKnown(String method) {
    return method != null && known.contains(method);
  }

  /** {@code method} when it is known, else {@code _OTHER}. */
  public String normalize(String method) {
    return isKnown(method) ? method : OTHER;
  }
}
