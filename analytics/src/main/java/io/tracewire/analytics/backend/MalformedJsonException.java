package io.tracewire.analytics.backend;

import java.io.IOException;

/** Valid JSON of the wrong shape, or not JSON at all. */
final class MalformedJsonException extends IOException {

  private static final long serialVersionUID = 1L;

  MalformedJsonException(String message) {
    super(message);
  }
}
