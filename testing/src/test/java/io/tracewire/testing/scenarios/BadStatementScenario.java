package io.tracewire.testing.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs one statement the database rejects: {@code <jdbc url> <user> <password> <sql>}. */
public final class BadStatementScenario {

  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Statement statement = connection.createStatement()) {
      statement.execute(args[3]);
      System.out.println("unexpectedly accepted");
    } catch (SQLException expected) {
      System.out.println("rejected: " + expected.getSQLState());
    }
  }
}
