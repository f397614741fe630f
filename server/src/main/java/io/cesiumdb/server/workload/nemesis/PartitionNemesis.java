package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.common.fault.FaultPlan.Link;
import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code partition}: network partitions through each node's fault admin, rotating through three
 * shapes, one per fault: random halves, one random node isolated, a majorities ring. The full set
 * of dropped links goes to every node (each applies the links into itself; the nodes of an
 * in-process cluster share one plan, so the same set everywhere keeps it consistent). Both Raft and
 * node/tablet RPC traffic are cut, since both transports consult the plan. Heal: an empty link set
 * on every node.
 */
final class PartitionNemesis implements Nemesis {
  private final Membership members;
  private final Random rng;
  private int round;

  PartitionNemesis(Membership members, long seed) {
    this.members = members;
    this.rng = new Random(seed ^ 0x9a27L);
  }

  @Override
  public String name() {
    return "partition";
  }

  @Override
  public String inject() {
    List<NodeRef> all = members.nodes();
    List<String> ids = Picks.shuffled(all, rng).stream().map(NodeRef::nodeId).toList();
    String shape;
    Set<Link> drops;
    switch (round++ % 3) {
      case 0 -> {
        shape =
            "halves "
                + ids.subList(0, ids.size() / 2)
                + " | "
                + ids.subList(ids.size() / 2, ids.size());
        drops = Partitions.halves(ids);
      }
      case 1 -> {
        shape = "isolated " + ids.get(0);
        drops = Partitions.isolateFirst(ids);
      }
      default -> {
        shape = "majority ring " + ids;
        drops = Partitions.majorityRing(ids);
      }
    }
    FaultAdmins.onEach(all, c -> c.dropLinks(drops));
    return "partition: " + shape + " (" + drops.size() + " links dropped: " + describe(drops) + ")";
  }

  private static String describe(Set<Link> drops) {
    return drops.stream().map(l -> l.from() + "->" + l.to()).collect(Collectors.joining(" "));
  }

  @Override
  public String heal() {
    List<NodeRef> all = members.nodes();
    List<String> failed = FaultAdmins.onEachBestEffort(all, c -> c.healLinks());
    return "partition: healed links on " + Picks.ids(all) + FaultAdmins.unreachable(failed);
  }
}
