package io.tracewire.instrumentation.jdbc;

import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SpanKey;
import java.sql.Statement;
import java.util.List;

/** {@code addBatch}, {@code clearBatch} and {@code executeBatch}: a batch is one span. */
final class BatchInterceptors {

  private BatchInterceptors() {}

  /** {@code addBatch(sql)} on a statement, {@code addBatch()} on a prepared statement. */
  static final class AddBatch implements Interceptor {
    private final JdbcTelemetry telemetry;
    private final StatementRegistry statements;

    AddBatch(JdbcTelemetry telemetry, StatementRegistry statements) {
      this.telemetry = telemetry;
      this.statements = statements;
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      if (self instanceof Statement) {
        StatementState state = statements.getOrCreate((Statement) self);
        if (args.length > 0 && args[0] instanceof String) {
          state.addToBatch(telemetry.queries.get((String) args[0], state.connection()));
        } else {
          state.addParametersToBatch();
        }
      }
      return null;
    }

    @Override
    public void onExit(Object state, Object self, Object returned, Throwable thrown) {}
  }

  /** {@code clearBatch()}. */
  static final class ClearBatch implements Interceptor {
    private final StatementRegistry statements;

    ClearBatch(StatementRegistry statements) {
      this.statements = statements;
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      StatementState state = self instanceof Statement ? statements.get((Statement) self) : null;
      if (state != null) {
        state.clearBatch();
      }
      return null;
    }

    @Override
    public void onExit(Object state, Object self, Object returned, Throwable thrown) {}
  }

  /** {@code executeBatch()} and {@code executeLargeBatch()}. */
  static final class ExecuteBatch implements Interceptor {
    private final JdbcTelemetry telemetry;
    private final StatementRegistry statements;

    ExecuteBatch(JdbcTelemetry telemetry, StatementRegistry statements) {
      this.telemetry = telemetry;
      this.statements = statements;
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      if (!(self instanceof Statement)) {
        return null;
      }
      StatementState state = statements.getOrCreate((Statement) self);
      // Drained even when nested, so a driver statement under a pool proxy starts afresh too.
      StatementState.Batch batch = state.drainBatch();
      if (!telemetry.isTracing() || ActiveSpan.isSuppressed(SpanKey.DB_CLIENT)) {
        return null;
      }
      List<JdbcQuery> queries =
          state.prepared() != null ? List.of(state.prepared()) : batch.statements;
      return telemetry.startBatch(state.connection(), queries, batch.size);
    }

    @Override
    public void onExit(Object span, Object self, Object returned, Throwable thrown) {
      if (span instanceof ActiveSpan) {
        telemetry.end((ActiveSpan) span, thrown);
      }
    }
  }
}
