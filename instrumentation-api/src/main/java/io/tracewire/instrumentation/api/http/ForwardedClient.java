package io.tracewire.instrumentation.api.http;

/**
 * The original client's address behind proxies, from the {@code Forwarded} header's first
 * {@code for=} or else the first entry of {@code X-Forwarded-For}, as {@code client.address} asks.
 */
final class ForwardedClient {

  private ForwardedClient() {}

  /** The address, or {@code null} when neither header names one. */
  static String address(String forwarded, String xForwardedFor) {
    String fromForwarded = fromForwarded(forwarded);
    return fromForwarded != null ? fromForwarded : firstEntry(xForwardedFor);
  }

  private static String fromForwarded(String header) {
    if (header == null) {
      return null;
    }
    int elementEnd = header.indexOf(',');
    String element = elementEnd < 0 ? header : header.substring(0, elementEnd);
    int start = 0;
    while (start < element.length()) {
      int end = element.indexOf(';', start);
      if (end < 0) {
        end = element.length();
      }
      String pair = element.substring(start, end).trim();
      if (pair.regionMatches(true, 0, "for=", 0, 4)) {
        return nodeAddress(unquote(pair.substring(4).trim()));
      }
      start = end + 1;
    }
    return null;
  }

  /** {@code "[2001:db8::1]:4711"} is {@code 2001:db8::1}; {@code 192.0.2.60:80} is the IPv4 part. */
  private static String nodeAddress(String node) {
    if (node.isEmpty() || node.charAt(0) == '_' || node.equalsIgnoreCase("unknown")) {
      return null; // obfuscated or unknown: no address to report
    }
    if (node.charAt(0) == '[') {
      int close = node.indexOf(']');
      return close > 1 ? node.substring(1, close) : null;
    }
    int colon = node.indexOf(':');
    return colon > 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static String firstEntry(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String first = (comma < 0 ? header : header.substring(0, comma)).trim();
    return first.isEmpty() ? null : first;
  }
}
