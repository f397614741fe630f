package io.cesiumdb.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {
  @Test
  void portsAreDistinctAndOutsideTheEphemeralRange() throws Exception {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = PortAllocator.pickLoopback();
      assertTrue(port >= PortAllocator.LOW && port < PortAllocator.HIGH, "port " + port);
      assertTrue(seen.add(port), "handed out twice: " + port);
    }
    assertEquals(200, seen.size());
  }

  @Test
  void aPortHeldByAnotherSocketIsSkipped() throws Exception {
    int held = PortAllocator.pickLoopback();
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), held + 1));
      int next = PortAllocator.pickLoopback();
      assertNotEquals(held + 1, next);
      try (ServerSocket bound = new ServerSocket()) {
        bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), next));
      }
    }
  }
}
