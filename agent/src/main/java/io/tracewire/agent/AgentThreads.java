package io.tracewire.agent;

import io.tracewire.bootstrap.AdviceDispatcher;

/** The agent's own threads: daemons that never trace what they do, whatever JDK code is woven. */
public final class AgentThreads {

  private AgentThreads() {}

  /** A daemon thread, not yet started, that runs {@code work} silently. */
  public static Thread silentDaemon(String name, Runnable work) {
    Thread thread = new Thread(() -> AdviceDispatcher.silently(work), name);
    thread.setDaemon(true);
    return thread;
  }
}
