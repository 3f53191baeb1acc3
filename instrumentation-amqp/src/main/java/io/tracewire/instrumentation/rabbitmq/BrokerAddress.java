package io.tracewire.instrumentation.rabbitmq;

import java.net.InetAddress;

/** {@code server.address} from a connection's {@code InetAddress}, without a DNS lookup. */
public final class BrokerAddress {

  /**
   * The last address read and its host. A connection hands out the same address object for every
   * message, so this spares formatting it per message; another connection's address replaces it.
   */
  private static volatile Known last;

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
    Known known = last;
    if (known != null && known.address == address) {
      return known.host;
    }
    String host = format(address);
    last = new Known(address, host);
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

  private static final class Known {
    final InetAddress address;
    final String host;

    Known(InetAddress address, String host) {
      this.address = address;
      this.host = host;
    }
  }
}
