package io.tracewire.testing.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs many cheap statements as fast as it can, then exits at once. Argument: how many. */
public final class ManyStatementsScenario {

  public static void main(String[] args) throws SQLException {
    int count = Integer.parseInt(args[0]);
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:many", "sa", "");
        PreparedStatement select = connection.prepareStatement("SELECT 1")) {
      for (int i = 0; i < count; i++) {
        try (ResultSet result = select.executeQuery()) {
          result.next();
        }
      }
    }
    System.out.println("ran " + count + " statements");
  }
}
