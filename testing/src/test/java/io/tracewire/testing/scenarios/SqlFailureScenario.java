package io.tracewire.testing.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A traced repository method lets a driver error, which repeats the SQL, escape wrapped. */
public final class SqlFailureScenario {

  /** Traced through otel.instrumentation.methods.include. */
  public static final class Repository {
    public void findCustomer(Connection connection) {
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT * FROM missing_customers WHERE email = 'carol@example.com'");
      } catch (SQLException e) {
        throw new IllegalStateException("query failed: " + e.getMessage(), e);
      }
    }
  }

  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:failure", "sa", "")) {
      new Repository().findCustomer(connection);
    } catch (IllegalStateException expected) {
      System.out.println("failed as expected");
    }
  }
}
