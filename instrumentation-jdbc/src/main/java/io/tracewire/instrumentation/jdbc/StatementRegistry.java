package io.tracewire.instrumentation.jdbc;

import io.tracewire.instrumentation.api.WeakIdentityMap;
import java.sql.Statement;

/** The {@link StatementState} of each live statement, weakly keyed. */
final class StatementRegistry {

  private final WeakIdentityMap<Statement, StatementState> states = new WeakIdentityMap<>();
  private final JdbcTelemetry telemetry;

  StatementRegistry(JdbcTelemetry telemetry) {
    this.telemetry = telemetry;
  }

  void register(Statement statement, StatementState state) {
    states.put(statement, state);
  }

  /** The known state, or {@code null} for a statement created before the agent was ready. */
  StatementState get(Statement statement) {
    return states.get(statement);
  }

  /** The known state, else a new one without prepared SQL (its connection looked up once). */
  StatementState getOrCreate(Statement statement) {
    return states.computeIfAbsent(
        statement, s -> new StatementState(telemetry.connections.of(s), null));
  }
}
