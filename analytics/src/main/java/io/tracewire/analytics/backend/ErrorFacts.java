package io.tracewire.analytics.backend;

/**
 * Collects what a span says about its failure, from tags or log fields, and picks the most telling
 * message: an explicit error description first, then {@code exception.message}, then
 * {@code error.message}, then the error type.
 */
final class ErrorFacts {

  private static final int MAX_MESSAGE = 200;

  private boolean error;
  private String description;
  private String exceptionMessage;
  private String errorMessage;
  private String errorType;

  void reset() {
    error = false;
    description = null;
    exceptionMessage = null;
    errorMessage = null;
    errorType = null;
  }

  void markError() {
    error = true;
  }

  /** A free-text description of the failure (Zipkin's {@code error} tag, OpenTelemetry's status description). */
  void description(String value) {
    if (isText(value) && description == null) {
      description = value;
    }
  }

  /** A tag or log field; only the keys that carry error messages are kept. */
  void field(String key, String value) {
    if (!isText(value)) {
      return;
    }
    switch (key) {
      case "exception.message":
        exceptionMessage = exceptionMessage == null ? value : exceptionMessage;
        break;
      case "error.message":
        errorMessage = errorMessage == null ? value : errorMessage;
        break;
      case "error.type":
      case "exception.type":
        errorType = errorType == null ? value : errorType;
        break;
      case "otel.status_description":
        description(value);
        break;
      default:
        break;
    }
  }

  boolean error() {
    return error;
  }

  /** The best message, shortened to one line of at most 200 characters, or {@code null}. */
  String message() {
    if (!error) {
      return null;
    }
    String best = description != null ? description
        : exceptionMessage != null ? exceptionMessage
        : errorMessage != null ? errorMessage
        : errorType;
    return best == null ? null : oneLine(best);
  }

  private static boolean isText(String value) {
    return value != null && !value.isBlank() && !"true".equals(value) && !"false".equals(value);
  }

  private static String oneLine(String message) {
    String line = message.strip();
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
