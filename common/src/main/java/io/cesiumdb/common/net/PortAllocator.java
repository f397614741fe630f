package io.cesiumdb.common.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks listening ports ahead of binding, for clusters whose members must know each other's
 * addresses before any of them starts (Raft peer lists, restarts at the same address).
 *
 * <p>Asking the kernel for port 0 and closing the socket is racy: the port comes from the ephemeral
 * range (32768–60999 on Linux), and any outgoing connection opened before the server binds may be
 * given the same port ("Failed to bind", seen in CI). This allocator walks a range below the
 * ephemeral one instead, starting at an offset derived from the process id so that concurrent JVMs
 * rarely meet, skips ports it has already handed out, and checks that each candidate is bindable
 * right now.
 *
 * <p>Rejected: retrying the bind with a fresh port after a failure. The port is already written
 * into the peers' configuration by then, so a retry would mean reconfiguring the whole group.
 */
public final class PortAllocator {
  /** Lowest port handed out; below it are well-known registered services. */
  static final int LOW = 20_000;

  /** One past the highest port handed out; the Linux ephemeral range starts at 32768. */
  static final int HIGH = 32_000;

  private static final AtomicInteger NEXT =
      new AtomicInteger((int) (ProcessHandle.current().pid() * 97 % (HIGH - LOW)));

  private PortAllocator() {}

  /** A port on {@code host} that was bindable a moment ago and was never handed out before. */
  public static int pick(String host) {
    InetAddress address = resolve(host);
    for (int attempt = 0; attempt < HIGH - LOW; attempt++) {
      int port = LOW + Math.floorMod(NEXT.getAndIncrement(), HIGH - LOW);
      if (bindable(address, port)) {
        return port;
      }
    }
    throw new UncheckedIOException(
        new IOException("no free port in [" + LOW + ", " + HIGH + ") on " + host));
  }

  /** A free loopback port; see {@link #pick(String)}. */
  public static int pickLoopback() {
    return pick("127.0.0.1");
  }

  private static boolean bindable(InetAddress address, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(address, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static InetAddress resolve(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + host, e);
    }
  }
}
