package io.tracewire.testing.harness;

/** An external service some end-to-end tests need, at the address CI starts it on. */
public enum Service {
  /** PostgreSQL on 127.0.0.1:5432. */
  POSTGRESQL("PostgreSQL", "127.0.0.1", 5432),
  /** MariaDB on 127.0.0.1:3306. */
  MARIADB("MariaDB", "127.0.0.1", 3306),
  /** RabbitMQ (AMQP) on 127.0.0.1:5672. */
  RABBITMQ("RabbitMQ", "127.0.0.1", 5672);

  private final String displayName;
  private final String host;
  private final int port;

  Service(String displayName, String host, int port) {
    this.displayName = displayName;
    this.host = host;
    this.port = port;
  }

  /** A human name for messages, e.g. {@code PostgreSQL}. */
  public String displayName() {
    return displayName;
  }

  /** The host to connect to. */
  public String host() {
    return host;
  }

  /** The TCP port to connect to. */
  public int port() {
    return port;
  }

  /** {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }
}
