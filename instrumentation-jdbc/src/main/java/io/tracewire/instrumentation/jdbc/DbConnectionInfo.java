package io.tracewire.instrumentation.jdbc;

import java.util.Objects;

/**
 * What a JDBC URL says about the database, in the terms of the OpenTelemetry semantic
 * conventions. Never holds credentials.
 */
public final class DbConnectionInfo {

  /** Nothing known: system {@code other_sql}, every other field null. */
  public static final DbConnectionInfo UNKNOWN =
      new DbConnectionInfo(JdbcUrlParser.OTHER_SQL, null, null, null, false);

  private final String system;
  private final String namespace;
  private final String serverAddress;
  private final Integer serverPort;
  private final boolean defaultPort;
  private final SqlDialect dialect;

  DbConnectionInfo(
      String system,
      String namespace,
      String serverAddress,
      Integer serverPort,
      boolean defaultPort) {
    this.system = system;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.defaultPort = defaultPort;
    this.dialect = SqlDialect.forSystem(system);
  }

  /** The {@code db.system.name} value, such as {@code postgresql}; never null. */
  public String system() {
    return system;
  }

  /**
   * The {@code db.namespace}: the database name (for SQL Server named instances {@code
   * instance|database}, for Oracle the SID or service name, for file databases the file's base
   * name, never its path); null when the URL does not say.
   */
  public String namespace() {
    return namespace;
  }

  /** How the sanitizer reads this system's SQL; decided once, not per statement. */
  SqlDialect dialect() {
    return dialect;
  }

  /** The host of the (first) server, without brackets for IPv6; null for embedded databases. */
  public String serverAddress() {
    return serverAddress;
  }

  /**
   * The port connected to: the one in the URL, else the system's default; null for embedded
   * databases and when the port is looked up at connect time (SQL Server named instances).
   */
  public Integer serverPort() {
    return serverPort;
  }

  /**
   * Whether {@link #serverPort()} is the system's default port, written or not; the conventions
   * only ask for {@code server.port} when it is not.
   */
  public boolean isDefaultPort() {
    return defaultPort;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DbConnectionInfo)) {
      return false;
    }
    DbConnectionInfo that = (DbConnectionInfo) other;
    return defaultPort == that.defaultPort
        && system.equals(that.system)
        && Objects.equals(namespace, that.namespace)
        && Objects.equals(serverAddress, that.serverAddress)
        && Objects.equals(serverPort, that.serverPort);
  }

  @Override
  public int hashCode() {
    return Objects.hash(system, namespace, serverAddress, serverPort, defaultPort);
  }

  @Override
  public String toString() {
    return "DbConnectionInfo{system="
        + system
        + ", namespace="
        + namespace
        + ", serverAddress="
        + serverAddress
        + ", serverPort="
        + serverPort
        + ", defaultPort="
        + defaultPort
        + '}';
  }
}
