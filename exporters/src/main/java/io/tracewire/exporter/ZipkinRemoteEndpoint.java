package io.tracewire.exporter;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

/**
 * Derives a Zipkin {@code remoteEndpoint} from a span's attributes, following the ranking of the
 * OpenTelemetry-to-Zipkin mapping: {@code peer.service}, then {@code server.address} / {@code
 * server.port}, then {@code network.peer.address} / {@code network.peer.port}.
 *
 * <p>A host name becomes the endpoint's {@code serviceName}; only an IP literal may go into {@code
 * ipv4} / {@code ipv6}. Nothing is resolved, so encoding never waits on DNS.
 */
final class ZipkinRemoteEndpoint {

  private static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");
  private static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> PEER_ADDRESS =
      AttributeKey.stringKey("network.peer.address");
  private static final AttributeKey<Long> PEER_PORT = AttributeKey.longKey("network.peer.port");

  private ZipkinRemoteEndpoint() {}

  /** Writes {@code "remoteEndpoint":{...}}, or nothing when the attributes name no peer. */
  static void write(JsonWriter writer, Attributes attributes) {
    String serverAddress = strip(attributes.get(SERVER_ADDRESS));
    String peerAddress = strip(attributes.get(PEER_ADDRESS));

    String serviceName = attributes.get(PEER_SERVICE);
    if (serviceName == null && serverAddress != null && !isIpLiteral(serverAddress)) {
      serviceName = serverAddress;
    }
    String ip = isIpLiteral(serverAddress) ? serverAddress : null;
    if (ip == null && isIpLiteral(peerAddress)) {
      ip = peerAddress;
    }
    Long port = attributes.get(SERVER_PORT);
    if (port == null) {
      port = attributes.get(PEER_PORT);
    }
    if (serviceName == null && ip == null) {
      // A port alone says nothing about which service was called.
      return;
    }

    writer.name("remoteEndpoint").beginObject();
    if (serviceName != null) {
      writer.field("serviceName", serviceName);
    }
    if (ip != null) {
      writer.field(ip.indexOf(':') >= 0 ? "ipv6" : "ipv4", ip);
    }
    if (port != null && port > 0 && port <= 65535) {
      writer.field("port", port);
    }
    writer.endObject();
  }

  /** Drops IPv6 brackets and zone ids, which Zipkin's ipv6 field does not take. */
  private static String strip(String address) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    String result = address;
    if (result.startsWith("[") && result.endsWith("]")) {
      result = result.substring(1, result.length() - 1);
    }
    int zone = result.indexOf('%');
    if (zone > 0 && result.indexOf(':') >= 0) {
      result = result.substring(0, zone);
    }
    return result;
  }

  static boolean isIpLiteral(String address) {
    if (address == null || address.isEmpty()) {
      return false;
    }
    return address.indexOf(':') >= 0 ? isIpv6(address) : isIpv4(address);
  }

  private static boolean isIpv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  // Loose on purpose: host names never contain ':', so hex digits, colons and an embedded IPv4
  // tail are enough to tell an IPv6 literal apart.
  private static boolean isIpv6(String address) {
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
