package io.cesiumdb.server.cli;

/** Checks {@code host:port} arguments before they reach gRPC (which would only fail later). */
final class HostPort {
  private HostPort() {}

  /** Whether {@code s} is a non-empty host, a colon and a port 1..65535. */
  static boolean valid(String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0) {
      return false;
    }
    return parsePort(s.substring(colon + 1)) > 0;
  }

  /** The port of a valid {@code host:port}. */
  static int port(String hostPort) {
    return parsePort(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  /** The host of a valid {@code host:port}. */
  static String host(String hostPort) {
    return hostPort.substring(0, hostPort.lastIndexOf(':'));
  }

  private static int parsePort(String digits) {
    try {
      int p = Integer.parseInt(digits);
      return p >= 1 && p <= 65535 ? p : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
