package io.cesiumdb.pd.tabletclient;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where to look for a tablet's Raft leader: its descriptor (replicas with addresses), the
 * directory's leader hint, and the nodes believed down, which are tried last.
 *
 * @param tablet the tablet as the directory knows it
 * @param leaderHint node id of the last known leader; empty = unknown
 * @param down node ids believed down (tried after every other replica)
 */
public record TabletRoute(TabletDescriptor tablet, String leaderHint, Set<String> down) {

  public TabletRoute {
    Objects.requireNonNull(tablet, "tablet");
    leaderHint = leaderHint == null ? "" : leaderHint;
    down = Set.copyOf(down);
  }

  public static TabletRoute of(TabletDescriptor tablet, String leaderHint) {
    return new TabletRoute(tablet, leaderHint, Set.of());
  }

  public long tabletId() {
    return tablet.getTabletId();
  }

  /** The replica on {@code nodeId}, if the tablet has one. */
  public Optional<ReplicaDescriptor> replica(String nodeId) {
    return tablet.getReplicasList().stream().filter(r -> r.getNodeId().equals(nodeId)).findFirst();
  }

  /** The order to rotate through: the hinted leader, then live replicas, then down ones. */
  public List<ReplicaDescriptor> rotation() {
    List<ReplicaDescriptor> out = new ArrayList<>();
    replica(leaderHint).ifPresent(out::add);
    for (boolean wantDown : new boolean[] {false, true}) {
      for (ReplicaDescriptor r : tablet.getReplicasList()) {
        if (down.contains(r.getNodeId()) == wantDown && !out.contains(r)) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
