package io.cesiumdb.server.workload.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KillVictimTest {
  private static final List<NodeRef> NODES = List.of(node("n1"), node("n2"), node("n3"));

  @Test
  void leadersFirstButEveryNodeOnceBeforeAnyTwice() {
    Map<String, Integer> leaders = Map.of("n1", 1, "n2", 9, "n3", 4);
    Map<String, Integer> kills = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String v = KillNemesis.victim(NODES, kills, leaders).nodeId();
      order.add(v);
      kills.merge(v, 1, Integer::sum);
    }
    assertEquals(List.of("n2", "n3", "n1", "n2"), order);
  }

  @Test
  void tiesGoToTheFirstCandidate() {
    assertEquals("n1", KillNemesis.victim(NODES, Map.of(), Map.of()).nodeId());
    assertEquals(
        "n3", KillNemesis.victim(List.of(node("n3"), node("n1")), Map.of(), Map.of()).nodeId());
  }

  private static NodeRef node(String id) {
    return new NodeRef(id, "127.0.0.1:0");
  }
}
