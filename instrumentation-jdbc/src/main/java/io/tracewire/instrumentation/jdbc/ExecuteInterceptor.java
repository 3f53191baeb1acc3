package io.tracewire.instrumentation.jdbc;

import io.tracewire.bootstrap.Interceptor;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SpanKey;
import java.sql.Statement;

/**
 * {@code execute/executeQuery/executeUpdate/executeLargeUpdate}: one client span per call, from
 * the outermost statement when a pool proxy wraps a driver's.
 */
final class ExecuteInterceptor implements Interceptor {

  private final JdbcTelemetry telemetry;
  private final StatementRegistry statements;

  ExecuteInterceptor(JdbcTelemetry telemetry, StatementRegistry statements) {
    this.telemetry = telemetry;
    this.statements = statements;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    if (!telemetry.isTracing()
        || ActiveSpan.isSuppressed(SpanKey.DB_CLIENT)
        || !(self instanceof Statement)) {
      return null;
    }
    StatementState state = statements.getOrCreate((Statement) self);
    JdbcQuery query;
    if (args.length > 0 && args[0] instanceof String) {
      query = telemetry.queries.get((String) args[0], state.connection());
    } else {
      query = state.prepared();
    }
    return telemetry.startQuery(state.connection(), query);
  }

  @Override
  public void onExit(Object span, Object self, Object returned, Throwable thrown) {
    if (span instanceof ActiveSpan) {
      telemetry.end((ActiveSpan) span, thrown);
    }
  }
}
