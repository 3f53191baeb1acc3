package io.tracewire.testing.library;

/** Something a {@link Pipeline} hands every message to. */
public interface Handler {
  String handle(Message message);
}
