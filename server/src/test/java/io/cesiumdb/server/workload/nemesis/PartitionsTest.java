package io.cesiumdb.server.workload.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.fault.FaultPlan.Link;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PartitionsTest {
  private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

  @Test
  void halvesCutEveryLinkAcrossBothWaysAndNoneWithin() {
    Set<Link> drops = Partitions.halves(FIVE);
    assertEquals(2 * 2 * 3, drops.size());
    assertTrue(drops.contains(new Link("a", "c")));
    assertTrue(drops.contains(new Link("e", "b")));
    assertTrue(!drops.contains(new Link("a", "b")) && !drops.contains(new Link("c", "e")));
  }

  @Test
  void isolatingCutsOneNodeFromAllOthers() {
    Set<Link> drops = Partitions.isolateFirst(FIVE);
    assertEquals(8, drops.size());
    drops.forEach(l -> assertTrue(l.from().equals("a") || l.to().equals("a"), l.toString()));
  }

  @Test
  void inAMajorityRingEveryNodeHearsADistinctMajority() {
    for (int n = 3; n <= 7; n++) {
      List<String> ids = FIVE.size() >= n ? FIVE.subList(0, n) : ids(n);
      Set<Link> drops = Partitions.majorityRing(ids);
      Set<Set<String>> heard = new HashSet<>();
      for (String to : ids) {
        Set<String> hears = new TreeSet<>();
        for (String from : ids) {
          if (!drops.contains(new Link(from, to))) {
            hears.add(from);
          }
        }
        assertTrue(hears.contains(to));
        assertEquals(n / 2 + 1, hears.size(), to + " hears " + hears);
        heard.add(hears);
      }
      assertEquals(n, heard.size(), "no two nodes hear the same majority, n=" + n);
    }
  }

  private static List<String> ids(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "n" + i).toList();
  }
}
