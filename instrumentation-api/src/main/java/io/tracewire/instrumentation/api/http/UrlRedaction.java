package io.tracewire.instrumentation.api.http;

/**
 * Removes secrets from URLs before they become attributes: the user information
 * ({@code user:pass@} and a bare {@code token@} alike become {@code REDACTED:REDACTED@}) and the
 * values of the query parameters that carry signatures and keys. Names match case-sensitively, as
 * the URL conventions ask. Never throws: odd input comes back as unchanged as is safe.
 */
public final class UrlRedaction {

  public static final String REDACTED = "REDACTED";
  private static final String REDACTED_USER_INFO = "REDACTED:REDACTED";

  /** The parameters whose values the URL conventions ask to redact. */
  private static final String[] SENSITIVE_PARAMETERS = {
    "AWSAccessKeyId",
    "Signature",
    "sig",
    "X-Goog-Signature",
    "X-Amz-Signature",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
  };

  private UrlRedaction() {}

  /** {@code url} without credentials or signature values; {@code null} for {@code null}. */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String result = redactUserInfo(url);
    int fragment = result.indexOf('#');
    int queryStart = result.indexOf('?');
    if (queryStart < 0 || (fragment >= 0 && fragment < queryStart)) {
      return result;
    }
    int queryEnd = fragment < 0 ? result.length() : fragment;
    String query = result.substring(queryStart + 1, queryEnd);
    String redacted = redactQuery(query);
    if (redacted == query) {
      return result;
    }
    return result.substring(0, queryStart + 1) + redacted + result.substring(queryEnd);
  }

  /**
   * A query string (without {@code ?}) whose signature values are {@code REDACTED}; the same
   * instance when there is nothing to redact.
   */
  public static String redactQuery(String query) {
    if (query == null || !mayHoldSensitiveParameter(query)) {
      return query;
    }
    StringBuilder result = new StringBuilder(query.length());
    boolean changed = false;
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int equals = query.indexOf('=', start);
      if (equals >= 0 && equals < end && isSensitive(query, start, equals)) {
        result.append(query, start, equals + 1).append(REDACTED);
        changed = true;
      } else {
        result.append(query, start, end);
      }
      if (end < query.length()) {
        result.append('&');
      }
      start = end + 1;
    }
    return changed ? result.toString() : query;
  }

  /**
   * Redacts every URL found in free text, such as an exception message that repeats the request
   * URL ({@code "Server returned HTTP response code: 500 for URL: http://user:pw@host/"}).
   */
  public static String redactUrlsInText(String text) {
    if (text == null || text.indexOf("//") < 0) {
      return text;
    }
    StringBuilder result = null;
    int copied = 0;
    int separator = text.indexOf("://");
    while (separator > 0) {
      int start = separator;
      while (start > 0 && !endsToken(text.charAt(start - 1))) {
        start--;
      }
      int end = separator + 3;
      while (end < text.length() && !endsToken(text.charAt(end))) {
        end++;
      }
      String url = text.substring(start, end);
      String redacted = redactUrl(url);
      if (!redacted.equals(url)) {
        if (result == null) {
          result = new StringBuilder(text.length() + 16);
        }
        result.append(text, copied, start).append(redacted);
        copied = end;
      }
      separator = text.indexOf("://", end);
    }
    if (result == null) {
      return text;
    }
    return result.append(text, copied, text.length()).toString();
  }

  private static boolean endsToken(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>';
  }

  private static String redactUserInfo(String url) {
    if (url.indexOf('@') < 0) {
      return url;
    }
    int authorityStart = authorityStart(url);
    if (authorityStart < 0) {
      return url;
    }
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && !endsAuthority(url.charAt(authorityEnd))) {
      authorityEnd++;
    }
    int at = url.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return url;
    }
    return url.substring(0, authorityStart) + REDACTED_USER_INFO + url.substring(at);
  }

  /**
   * Where the authority begins: after {@code scheme://}, or after a leading {@code //} of a
   * scheme-relative URL; {@code -1} when there is none (a path, a query, a bare host).
   */
  static int authorityStart(String url) {
    if (url.startsWith("//")) {
      return 2;
    }
    int separator = url.indexOf("://");
    if (separator <= 0) {
      return -1;
    }
    for (int i = 0; i < separator; i++) {
      char c = url.charAt(i);
      boolean schemeChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!schemeChar) {
        return -1;
      }
    }
    return separator + 3;
  }

  static boolean endsAuthority(char c) {
    return c == '/' || c == '?' || c == '#' || c == '\\';
  }

  private static boolean mayHoldSensitiveParameter(String query) {
    for (String name : SENSITIVE_PARAMETERS) {
      if (query.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSensitive(String query, int nameStart, int nameEnd) {
    int length = nameEnd - nameStart;
    for (String name : SENSITIVE_PARAMETERS) {
      if (name.length() == length && query.startsWith(name, nameStart)) {
        return true;
      }
    }
    return false;
  }
}
