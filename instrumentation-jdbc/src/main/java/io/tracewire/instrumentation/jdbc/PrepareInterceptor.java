package io.tracewire.instrumentation.jdbc;

import io.tracewire.bootstrap.Interceptor;
import java.sql.Connection;
import java.sql.Statement;

/**
 * {@code Connection.prepareStatement/prepareCall/createStatement}: remembers the new statement's
 * connection and, for prepared and callable statements, its SQL, sanitized once here rather than
 * on every execution.
 */
final class PrepareInterceptor implements Interceptor {

  private final JdbcTelemetry telemetry;
  private final StatementRegistry statements;

  PrepareInterceptor(JdbcTelemetry telemetry, StatementRegistry statements) {
    this.telemetry = telemetry;
    this.statements = statements;
  }

  @Override
  public Object onEnter(Object self, Object[] args) {
    return args.length > 0 && args[0] instanceof String ? args[0] : null;
  }

  @Override
  public void onExit(Object sql, Object self, Object returned, Throwable thrown) {
    if (!(returned instanceof Statement) || !(self instanceof Connection)) {
      return;
    }
    DbConnectionInfo connection = telemetry.connections.of((Connection) self);
    JdbcQuery prepared = sql == null ? null : telemetry.queries.get((String) sql, connection);
    statements.register((Statement) returned, new StatementState(connection, prepared));
  }
}
