package io.tracewire.instrumentation.api.http;

/**
 * A host and port read from a URL's authority or a {@code Host} header, with the scheme's default
 * port when none is written. IPv6 literals lose their brackets, as {@code server.address} wants
 * the address itself. Parsing never throws; unparsable parts are {@code null}.
 */
public final class HostAndPort {

  private final String host;
  private final Integer port;

  private HostAndPort(String host, Integer port) {
    this.host = host;
    this.port = port;
  }

  /** The host, or {@code null}. */
  public String host() {
    return host;
  }

  /** The port, explicit or the scheme's default, or {@code null}. */
  public Integer port() {
    return port;
  }

  /** The authority of an absolute URL such as {@code https://user@[::1]:8443/path}. */
  public static HostAndPort fromUrl(String url) {
    if (url == null) {
      return new HostAndPort(null, null);
    }
    int authorityStart = UrlRedaction.authorityStart(url);
    if (authorityStart < 0) {
      return new HostAndPort(null, null);
    }
    // A scheme-relative URL (//host/path) has no scheme, hence no default port.
    String scheme = authorityStart > 3 ? url.substring(0, authorityStart - 3) : null;
    int start = authorityStart;
    int end = start;
    while (end < url.length() && !UrlRedaction.endsAuthority(url.charAt(end))) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at >= start) {
      start = at + 1;
    }
    return parse(url.substring(start, end), defaultPort(scheme));
  }

  /** A {@code Host} header ({@code example.com:8080}, {@code [::1]}) for a request of {@code scheme}. */
  public static HostAndPort fromHostHeader(String host, String scheme) {
    if (host == null) {
      return new HostAndPort(null, null);
    }
    return parse(host.trim(), defaultPort(scheme));
  }

  private static HostAndPort parse(String authority, Integer defaultPort) {
    if (authority.isEmpty()) {
      return new HostAndPort(null, null);
    }
    String host;
    String portText = null;
    if (authority.charAt(0) == '[') {
      int close = authority.indexOf(']');
      if (close < 0) {
        return new HostAndPort(null, null);
      }
      host = authority.substring(1, close);
      if (close + 1 < authority.length() && authority.charAt(close + 1) == ':') {
        portText = authority.substring(close + 2);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon >= 0 && authority.indexOf(':') != colon) {
        // An unbracketed IPv6 address: no port can be told apart.
        return new HostAndPort(authority, defaultPort);
      }
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    Integer port = portText == null || portText.isEmpty() ? defaultPort : parsePort(portText);
    return new HostAndPort(host.isEmpty() ? null : host, port);
  }

  private static Integer parsePort(String text) {
    if (text.length() > 5) {
      return null;
    }
    int port = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      port = port * 10 + (c - '0');
    }
    return port > 0 && port <= 65535 ? port : null;
  }

  static Integer defaultPort(String scheme) {
    if ("http".equalsIgnoreCase(scheme) || "ws".equalsIgnoreCase(scheme)) {
      return 80;
    }
    if ("https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) {
      return 443;
    }
    return null;
  }
}
