package io.tracewire.agent.sdk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts spans as they end, are exported, or fail to export, so the agent can say how many it
 * dropped (during running at most once a minute, and once at shutdown).
 */
final class ExportStats {

  final LongAdder ended = new LongAdder();
  final LongAdder exported = new LongAdder();
  final LongAdder failed = new LongAdder();
  /** Failed spans no warning line has counted yet. */
  final AtomicLong unreported = new AtomicLong();
  volatile String lastFailure = "unknown error";
  /** Set when the JVM exits: the shutdown line then reports every loss at once. */
  volatile boolean shuttingDown;

  /** Spans that ended but were neither exported nor counted as failed. */
  long pending() {
    return Math.max(0, ended.sum() - exported.sum() - failed.sum());
  }
}
