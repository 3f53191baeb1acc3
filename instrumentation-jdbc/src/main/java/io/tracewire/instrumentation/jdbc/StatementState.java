package io.tracewire.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * What the instrumentation knows of one statement: its connection, the SQL it was prepared with,
 * and the statements added to its current batch.
 */
final class StatementState {

  private final DbConnectionInfo connection;
  private final JdbcQuery prepared;
  /** Made at the first {@code addBatch(sql)}: most statements never batch. */
  private List<JdbcQuery> batch;
  private int batchSize;

  StatementState(DbConnectionInfo connection, JdbcQuery prepared) {
    this.connection = connection;
    this.prepared = prepared;
  }

  DbConnectionInfo connection() {
    return connection;
  }

  /** The sanitized SQL of a prepared or callable statement, or {@code null}. */
  JdbcQuery prepared() {
    return prepared;
  }

  /** {@code Statement.addBatch(sql)}: keeps up to a bounded number of distinct statements. */
  synchronized void addToBatch(JdbcQuery sql) {
    batchSize++;
    if (batch == null) {
      batch = new ArrayList<>();
    }
    if (batch.size() < 64 && !batch.contains(sql)) {
      batch.add(sql);
    }
  }

  /** {@code PreparedStatement.addBatch()}: one more set of parameters. */
  synchronized void addParametersToBatch() {
    batchSize++;
  }

  /** Returns the batch (size and distinct statements) and starts a new one. */
  synchronized Batch drainBatch() {
    // Handed over as it is: clearBatch() drops it, so this state never touches it again.
    Batch drained = new Batch(batchSize, batch == null ? List.of() : batch);
    clearBatch();
    return drained;
  }

  synchronized void clearBatch() {
    batchSize = 0;
    batch = null;
  }

  /** A batch as executed: how many operations, and the distinct statements of a plain batch. */
  static final class Batch {
    final int size;
    final List<JdbcQuery> statements;

    Batch(int size, List<JdbcQuery> statements) {
      this.size = size;
      this.statements = statements;
    }
  }
}
