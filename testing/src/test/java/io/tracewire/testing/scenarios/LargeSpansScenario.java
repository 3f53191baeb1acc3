package io.tracewire.testing.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Spans that would be large: a failure thrown from 1,500 frames deep and a 1,500-column select. */
public final class LargeSpansScenario {

  /** Traced through otel.instrumentation.methods.include. */
  public static final class Worker {
    public void run() {
      descend(1500);
    }

    private static void descend(int depth) {
      if (depth == 0) {
        throw new IllegalStateException("failed deep down");
      }
      descend(depth - 1);
    }
  }

  public static void main(String[] args) throws SQLException {
    try {
      new Worker().run();
    } catch (IllegalStateException expected) {
      System.out.println("failed as expected");
    }
    StringBuilder sql = new StringBuilder("SELECT 0 AS c0");
    for (int i = 1; i < 1500; i++) {
      sql.append(", ").append(i).append(" AS c").append(i);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:large", "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql.toString())) {
      rows.next();
      System.out.println("selected " + rows.getInt(1));
    }
  }
}
