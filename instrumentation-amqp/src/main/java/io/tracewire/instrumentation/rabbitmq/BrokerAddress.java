package io.tracewire.instrumentation.rabbitmq;

import io.tracewire.instrumentation.api.WeakIdentityMap;
import java.net.InetAddress;

/** {@code server.address} from a connection's {@code InetAddress}, without a DNS lookup. */
public final class BrokerAddress {

  /**
   * Each address object's host, worked out once: a connection hands out the same address object
   * for every message (a recovered connection, a new one).
   */
  private static final WeakIdentityMap<InetAddress, String> HOSTS = new WeakIdentityMap<>();

  private BrokerAddress() {}

  /**
   * The host name the address was made from when it has one, else its IP address. {@code
   * getHostName()} would do a reverse lookup for an address made from an IP literal; {@code
   * toString()} gives {@code name/ip} or {@code /ip} and never looks anything up.
   */
  public static String hostOf(InetAddress address) {
    if (address == null) {
      return null;
    }
    String host = HOSTS.get(address);
    if (host == null) {
      host = format(address);
      HOSTS.put(address, host);
    }
    return host;
  }

  private static String format(InetAddress address) {
    String text = address.toString();
    int slash = text.indexOf('/');
    if (slash < 0) {
      return text;
    }
    return slash > 0 ? text.substring(0, slash) : text.substring(1);
  }
}
