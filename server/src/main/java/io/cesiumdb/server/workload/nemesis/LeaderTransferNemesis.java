package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code leader-transfer}: forced leadership transfers (Jepsen's shuffle-leader). Each fault picks
 * the next node in turn (the first chosen with the run's seed) and moves the leadership of every
 * tablet it leads — every tablet of every table, so the workload's among them — to another replica
 * chosen at random. Needs the placement driver's directory. Heal: nothing to undo (leadership stays
 * where it moved; the placement driver may move it back).
 */
final class LeaderTransferNemesis implements Nemesis {
  private final Membership members;
  private final Random rng;
  private int next = -1;

  LeaderTransferNemesis(Membership members, long seed) {
    this.members = members;
    this.rng = new Random(seed ^ 0x1eadL);
  }

  @Override
  public String name() {
    return "leader-transfer";
  }

  @Override
  public String inject() {
    List<NodeRef> all = members.nodes();
    if (next < 0) {
      next = rng.nextInt(all.size());
    }
    String victim = all.get(next++ % all.size()).nodeId();
    List<String> moved = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    try (TabletLeaders tablets = new TabletLeaders(members.seeds())) {
      for (TabletDescriptor t : tablets.allTablets()) {
        if (tablets.leaderOf(t).filter(victim::equals).isEmpty()) {
          continue;
        }
        Optional<String> target = otherReplica(t, victim);
        if (target.isEmpty()) {
          continue;
        }
        String what = t.getTabletId() + "->" + target.get();
        tablets
            .transfer(t, victim, target.get())
            .ifPresentOrElse(why -> failed.add(what + " (" + why + ")"), () -> moved.add(what));
      }
    }
    return "leader-transfer: off "
        + victim
        + ": moved ["
        + String.join(" ", moved)
        + "]"
        + (failed.isEmpty() ? "" : " failed [" + String.join("; ", failed) + "]");
  }

  private Optional<String> otherReplica(TabletDescriptor t, String victim) {
    List<String> others =
        t.getReplicasList().stream()
            .map(ReplicaDescriptor::getNodeId)
            .filter(id -> !id.equals(victim))
            .toList();
    return others.isEmpty()
        ? Optional.empty()
        : Optional.of(others.get(rng.nextInt(others.size())));
  }

  @Override
  public String heal() {
    return "leader-transfer: nothing to heal";
  }
}
