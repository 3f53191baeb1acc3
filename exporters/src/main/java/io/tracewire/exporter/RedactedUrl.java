package io.tracewire.exporter;

/**
 * A collector URL as it may be printed: {@code user:password@} becomes {@code
 * REDACTED:REDACTED@} and every query value (and a fragment) becomes {@code REDACTED}, whatever
 * its name. Collectors take tokens under many names ({@code api_key}, {@code sig}, ...) and a
 * query value says nothing useful in a log line, so none is shown. Works on any text, valid URL
 * or not, since a malformed endpoint is printed too.
 */
public final class RedactedUrl {

  static final String REDACTED = "REDACTED";

  private RedactedUrl() {}

  public static String of(String url) {
    if (url == null) {
      return null;
    }
    int schemeEnd = url.indexOf("://");
    int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int authorityEnd = firstOf(url, authorityStart, "/?#");
    StringBuilder result = new StringBuilder(url.length());
    int at = url.lastIndexOf('@', authorityEnd - 1);
    if (at >= authorityStart) {
      result.append(url, 0, authorityStart).append(REDACTED).append(':').append(REDACTED).append('@');
      result.append(url, at + 1, authorityEnd);
    } else {
      result.append(url, 0, authorityEnd);
    }
    int query = url.indexOf('?', authorityEnd);
    int fragment = url.indexOf('#', authorityEnd);
    int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : url.length();
    result.append(url, authorityEnd, pathEnd);
    if (query >= 0) {
      int queryEnd = fragment > query ? fragment : url.length();
      result.append('?').append(redactQuery(url.substring(query + 1, queryEnd)));
    }
    if (fragment >= 0) {
      result.append('#').append(REDACTED);
    }
    return result.toString();
  }

  /** {@code a=1&b} becomes {@code a=REDACTED&REDACTED}: names stay, values never show. */
  private static String redactQuery(String query) {
    StringBuilder result = new StringBuilder();
    for (String parameter : query.split("&", -1)) {
      if (result.length() > 0) {
        result.append('&');
      }
      int equals = parameter.indexOf('=');
      if (equals > 0) {
        result.append(parameter, 0, equals + 1).append(REDACTED);
      } else if (!parameter.isEmpty()) {
        // A bare parameter may be a token itself.
        result.append(REDACTED);
      }
    }
    return result.toString();
  }

  private static int firstOf(String text, int from, String characters) {
    for (int i = from; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
