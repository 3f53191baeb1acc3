package io.tracewire.instrumentation.api.http;

/**
 * Turns the protocol names libraries report ({@code HTTP/1.1}, {@code HTTP_2}, {@code h2},
 * {@code http/1.0}, {@code 2.0}) into {@code network.protocol.version} values: {@code 1.0},
 * {@code 1.1}, {@code 2}, {@code 3}.
 */
public final class HttpProtocolVersion {

  private HttpProtocolVersion() {}

  /** The version, or {@code null} for {@code null}, blank or unrecognisable input. */
  public static String normalize(String protocol) {
    if (protocol == null) {
      return null;
    }
    String value = protocol.trim();
    if (startsWithIgnoreCase(value, "HTTP/") || startsWithIgnoreCase(value, "HTTP_")) {
      value = value.substring(5);
    } else if (startsWithIgnoreCase(value, "h2")) {
      return "2"; // h2, h2c, h2_prior_knowledge
    } else if (startsWithIgnoreCase(value, "h3")) {
      return "3";
    }
    value = value.replace('_', '.');
    switch (value) {
      case "1.0":
      case "1.1":
        return value;
      case "1":
        return "1.0";
      case "2":
      case "2.0":
        return "2";
      case "3":
      case "3.0":
        return "3";
      default:
        return null;
    }
  }

  private static boolean startsWithIgnoreCase(String value, String prefix) {
    return value.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
