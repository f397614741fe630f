package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Seeded choices of nodes, so that a run's faults replay from its seed. */
final class Picks {
  private Picks() {}

  /** Half the nodes (rounded down, at least one), chosen at random, ordered by id. */
  static List<NodeRef> half(List<NodeRef> nodes, Random rng) {
    return some(nodes, Math.max(1, nodes.size() / 2), rng);
  }

  /** A minority (fewer than half, at least one), chosen at random, ordered by id. */
  static List<NodeRef> minority(List<NodeRef> nodes, Random rng) {
    return some(nodes, Math.max(1, (nodes.size() - 1) / 2), rng);
  }

  /** {@code count} of the nodes, chosen at random, ordered by id. */
  static List<NodeRef> some(List<NodeRef> nodes, int count, Random rng) {
    List<NodeRef> shuffled = shuffled(nodes, rng);
    List<NodeRef> out = new ArrayList<>(shuffled.subList(0, Math.min(count, shuffled.size())));
    out.sort(Comparator.comparing(NodeRef::nodeId));
    return out;
  }

  /** The nodes in a random order. */
  static List<NodeRef> shuffled(List<NodeRef> nodes, Random rng) {
    List<NodeRef> copy = new ArrayList<>(nodes);
    Collections.shuffle(copy, rng);
    return copy;
  }

  /** "n1,n3". */
  static String ids(List<NodeRef> nodes) {
    return String.join(",", nodes.stream().map(NodeRef::nodeId).toList());
  }
}
