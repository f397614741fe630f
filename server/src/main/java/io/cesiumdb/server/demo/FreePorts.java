package io.cesiumdb.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free ports up front, so that a node halted and restarted in the same JVM comes back at the
 * addresses its Raft peers and tablet descriptors already hold.
 */
final class FreePorts {
  private FreePorts() {}

  /** A port that was free on {@code host} a moment ago. */
  static int pick(String host) {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}
