package io.tracewire.analytics.backend;

/** A backend could not answer: unreachable, an HTTP error, malformed JSON or an unknown service. */
public final class BackendException extends Exception {

  private static final long serialVersionUID = 1L;

  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
