package io.tracewire.instrumentation.rabbitmq;

import java.net.InetAddress;

/** {@code server.address} from a connection's {@code InetAddress}, without a DNS lookup. */
public final class BrokerAddress {

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
    String text = address.toString();
    int slash = text.indexOf('/');
    if (slash < 0) {
      return text;
    }
    return slash > 0 ? text.substring(0, slash) : text.substring(1);
  }
}
