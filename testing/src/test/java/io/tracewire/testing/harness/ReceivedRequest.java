package io.tracewire.testing.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request the {@link OtlpReceiver} answered, kept so tests can check what the exporter sent
 * besides spans (headers, compression, retries).
 *
 * @param method the HTTP method
 * @param path the request path, e.g. {@code /v1/traces}
 * @param headers the request headers, keys in lowercase
 * @param bodyBytes the body size as sent on the wire (compressed size when gzipped)
 * @param gzip whether the body came with {@code Content-Encoding: gzip}
 * @param status the HTTP status the receiver answered
 * @param spanCount how many spans were decoded from it (0 unless answered 200 on {@code /v1/traces})
 */
public record ReceivedRequest(
    String method, String path, Map<String, List<String>> headers, int bodyBytes, boolean gzip, int status, int spanCount) {

  /** Creates a request record; header names are lowercased and the map copied. */
  public ReceivedRequest {
    Map<String, List<String>> lowercase = new TreeMap<>();
    headers.forEach((name, values) -> lowercase.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .addAll(values));
    lowercase.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(lowercase);
  }

  /** The first value of a header (name matched case-insensitively), or {@code null} when absent. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
