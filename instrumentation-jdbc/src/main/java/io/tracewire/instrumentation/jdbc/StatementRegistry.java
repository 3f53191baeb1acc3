package io.tracewire.instrumentation.jdbc;

import io.tracewire.instrumentation.api.ObjectField;
import java.sql.Statement;

/**
 * The {@link StatementState} of each live statement: in a field the agent adds to the driver's
 * statement classes as they load, else (classes loaded before the agent) in a weak map.
 */
final class StatementRegistry {

  private final ObjectField<StatementState> states = ObjectField.create();
  private final JdbcTelemetry telemetry;

  StatementRegistry(JdbcTelemetry telemetry) {
    this.telemetry = telemetry;
  }

  void register(Statement statement, StatementState state) {
    states.set(statement, state);
  }

  /** The known state, or {@code null} for a statement created before the agent was ready. */
  StatementState get(Statement statement) {
    return states.get(statement);
  }

  /** The known state, else a new one without prepared SQL (its connection looked up once). */
  StatementState getOrCreate(Statement statement) {
    // Written out rather than computeIfAbsent: a capturing lambda per statement call otherwise.
    StatementState state = states.get(statement);
    if (state == null) {
      state = new StatementState(telemetry.connections.of(statement), null);
      states.set(statement, state);
    }
    return state;
  }
}
