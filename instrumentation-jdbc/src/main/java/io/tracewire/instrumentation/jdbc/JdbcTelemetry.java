package io.tracewire.instrumentation.jdbc;

import static io.tracewire.instrumentation.jdbc.DbAttributes.*;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.tracewire.instrumentation.api.ActiveSpan;
import io.tracewire.instrumentation.api.SemanticKeys;
import io.tracewire.instrumentation.api.SpanKey;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Starts and ends database client spans: name, attributes (stable semantic conventions, plus the
 * old names on {@code database/dup} opt-in) and errors, with driver messages sanitized.
 */
final class JdbcTelemetry {

  private final Tracer tracer;
  private final boolean emitOldNames;
  private final UnaryOperator<String> messageSanitizer;
  final ConnectionInfoCache connections = new ConnectionInfoCache();
  final QueryCache queries;

  JdbcTelemetry(Tracer tracer, boolean sanitize, boolean emitOldNames) {
    this.tracer = tracer;
    this.emitOldNames = emitOldNames;
    this.queries = new QueryCache(sanitize);
    this.messageSanitizer = sanitize ? SqlSanitizer::sanitizeMessage : UnaryOperator.identity();
  }

  /**
   * Whether spans would record anything. Not with {@code otel.traces.exporter=none}, where the SDK
   * hands out no-op spans: a statement then costs no span work (a database span is a leaf, so
   * nothing downstream misses it).
   */
  boolean isTracing() {
    return tracer.isEnabled();
  }

  /** A span for one statement; {@code query} may be {@code null} when the SQL is unknown. */
  ActiveSpan startQuery(DbConnectionInfo connection, JdbcQuery query) {
    SqlStatementInfo info = query == null ? null : query.info();
    String operation = info == null ? null : info.operationName();
    String summary = info == null ? null : info.querySummary();
    SpanBuilder span = builder(connection, name(connection, operation, summary));
    if (query != null) {
      putQuery(span, query.text(), operation, summary, info.collectionName());
    }
    return ActiveSpan.start(SpanKey.DB_CLIENT, span);
  }

  /**
   * A span for a batch: {@code BATCH INSERT orders} when every operation is the same statement,
   * else {@code BATCH} with the distinct statements' texts joined by {@code "; "}.
   */
  ActiveSpan startBatch(DbConnectionInfo connection, List<JdbcQuery> statements, int size) {
    if (size < 2 && statements.size() <= 1) {
      // The conventions count a batch only from two operations on.
      return startQuery(connection, statements.isEmpty() ? null : statements.get(0));
    }
    String operation = "BATCH";
    String summary = null;
    String text = null;
    String collection = null;
    if (statements.size() == 1) {
      SqlStatementInfo info = statements.get(0).info();
      text = statements.get(0).text();
      collection = info.collectionName();
      if (info.operationName() != null) {
        operation = "BATCH " + info.operationName();
      }
      if (info.querySummary() != null) {
        summary = "BATCH " + info.querySummary();
      }
    } else if (!statements.isEmpty()) {
      StringBuilder joined = new StringBuilder();
      for (JdbcQuery statement : statements) {
        if (joined.length() > 0) {
          joined.append("; ");
        }
        joined.append(statement.text());
      }
      text = joined.toString();
    }
    SpanBuilder span = builder(connection, name(connection, operation, summary));
    putQuery(span, text, operation, summary, collection);
    if (size >= 2) {
      // The conventions count a batch only from two operations on.
      span.setAttribute(DB_OPERATION_BATCH_SIZE, (long) size);
    }
    return ActiveSpan.start(SpanKey.DB_CLIENT, span);
  }

  void end(ActiveSpan span, Throwable thrown) {
    if (thrown instanceof SQLException) {
      String sqlState = ((SQLException) thrown).getSQLState();
      if (sqlState != null) {
        span.span().setAttribute(DB_RESPONSE_STATUS_CODE, sqlState);
      }
    }
    span.end(thrown, messageSanitizer);
  }

  /**
   * {@code db.query.summary}, else {@code operation target}, else the target, else the system's
   * name; the target is the namespace, else {@code server.address[:port]}.
   */
  private static String name(DbConnectionInfo connection, String operation, String summary) {
    if (summary != null) {
      return summary;
    }
    String target = target(connection);
    if (operation != null) {
      return target != null ? operation + " " + target : operation;
    }
    return target != null ? target : connection.system();
  }

  private static String target(DbConnectionInfo connection) {
    if (connection.namespace() != null) {
      return connection.namespace();
    }
    if (connection.serverAddress() != null) {
      return connection.serverPort() != null && !connection.isDefaultPort()
          ? connection.serverAddress() + ":" + connection.serverPort()
          : connection.serverAddress();
    }
    return null;
  }

  private SpanBuilder builder(DbConnectionInfo connection, String name) {
    SpanBuilder span =
        tracer
            .spanBuilder(name)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(DB_SYSTEM_NAME, connection.system());
    if (connection.namespace() != null) {
      span.setAttribute(DB_NAMESPACE, connection.namespace());
    }
    if (connection.serverAddress() != null) {
      span.setAttribute(SemanticKeys.SERVER_ADDRESS, connection.serverAddress());
      if (connection.serverPort() != null && !connection.isDefaultPort()) {
        span.setAttribute(SemanticKeys.SERVER_PORT, (long) connection.serverPort());
      }
    }
    if (emitOldNames) {
      span.setAttribute(OLD_DB_SYSTEM, oldSystemName(connection.system()));
      if (connection.namespace() != null) {
        span.setAttribute(OLD_DB_NAME, connection.namespace());
      }
      if (connection.serverAddress() != null) {
        span.setAttribute(OLD_NET_PEER_NAME, connection.serverAddress());
        if (connection.serverPort() != null) {
          span.setAttribute(OLD_NET_PEER_PORT, (long) connection.serverPort());
        }
      }
    }
    return span;
  }

  private void putQuery(
      SpanBuilder span, String queryText, String operation, String summary, String collection) {
    String text = DbAttributes.boundedQueryText(queryText);
    if (text != null) {
      span.setAttribute(DB_QUERY_TEXT, text);
    }
    if (summary != null) {
      span.setAttribute(DB_QUERY_SUMMARY, summary);
    }
    if (operation != null) {
      span.setAttribute(DB_OPERATION_NAME, operation);
    }
    if (collection != null) {
      span.setAttribute(DB_COLLECTION_NAME, collection);
    }
    if (emitOldNames) {
      if (text != null) {
        span.setAttribute(OLD_DB_STATEMENT, text);
      }
      if (operation != null) {
        span.setAttribute(OLD_DB_OPERATION, operation);
      }
      if (collection != null) {
        span.setAttribute(OLD_DB_SQL_TABLE, collection);
      }
    }
  }
}
