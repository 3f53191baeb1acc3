package io.tracewire.testing.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Prepares and runs one query on H2, and says whether the agent gave the driver's statement class
 * its per-object field (it cannot when the class loaded before the agent).
 */
public final class StatementStateScenario {

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:state")) {
      try (PreparedStatement statement = connection.prepareStatement("SELECT 42 FROM DUAL WHERE 1 = ?")) {
        statement.setInt(1, 1);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          System.out.println("answer=" + rows.getInt(1));
        }
        Class<?> holder = Class.forName("io.tracewire.bootstrap.FieldHolder", false, null);
        System.out.println("field=" + holder.isInstance(statement));
      }
    }
  }
}
