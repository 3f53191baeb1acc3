package io.tracewire.bootstrap;

/**
 * Implemented by the agent, as a class loads, on classes whose instances carry per-object state
 * for the agent ({@code ObjectField}): one field, read and written through these two methods. A
 * class that loaded before the agent is never given it (a retransformation cannot add fields), so
 * state for its instances goes to a weak map instead.
 */
public interface FieldHolder {

  /** The agent's values for this object, or {@code null}. */
  Object tracewire$fields();

  void tracewire$fields(Object values);
}
