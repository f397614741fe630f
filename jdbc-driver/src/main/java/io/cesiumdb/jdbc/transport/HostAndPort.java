package io.cesiumdb.jdbc.transport;

/**
 * One node's SQL endpoint as listed in a {@code jdbc:cesium://} URL. IPv6 literals are kept without
 * brackets; {@link #toString()} puts them back.
 */
public record HostAndPort(String host, int port) {
  public HostAndPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
