package io.cesiumdb.txn.routing;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Picks the endpoint of each attempt of one request, in this order of preference:
 *
 * <ol>
 *   <li>a leader named by the last not-leader hint ({@link #redirectTo});
 *   <li>the cached leader, in {@link RoutingMode#LEADER} and {@link RoutingMode#LEADER_FIRST} modes
 *       always, in {@link RoutingMode#ANY_REPLICA} mode only after a replica could not serve
 *       ({@link #preferLeaderNext}); never the endpoint that just failed;
 *   <li>the next replica of the descriptor in rotation, skipping the one just tried.
 * </ol>
 *
 * <p>In {@link RoutingMode#FIXED} mode it always returns the one replica. Rotation starts at an
 * offset the router hands out round-robin, so requests to a tablet spread over its replicas.
 *
 * <p>Not thread-safe: owned by one {@link RoutedCall}, which runs one attempt at a time.
 */
final class TargetSelector {
  private final long tabletId;
  private final RoutingMode mode;
  private final LeaderCache leaders;
  private List<ReplicaDescriptor> replicas;
  private int cursor;
  private Endpoint redirect;
  private boolean preferLeader;
  private Endpoint last;

  TargetSelector(TabletDescriptor d, RoutingMode mode, LeaderCache leaders, int start) {
    this.tabletId = d.getTabletId();
    this.mode = mode;
    this.leaders = leaders;
    this.replicas = d.getReplicasList();
    this.cursor = Math.floorMod(start, replicas.size());
  }

  /** The number of attempts in one round: one per replica. */
  int roundSize() {
    return replicas.size();
  }

  /** The endpoint of the next attempt. */
  Endpoint next() {
    Endpoint t;
    if (mode == RoutingMode.FIXED) {
      t = Endpoint.of(replicas.get(0));
    } else if (redirect != null) {
      t = redirect;
      redirect = null;
    } else {
      t = cachedLeader().orElseGet(this::rotate);
    }
    last = t;
    return t;
  }

  /** The next attempt goes to {@code leader} (from a not-leader hint). */
  void redirectTo(Endpoint leader) {
    redirect = leader;
  }

  /** After a follower could not serve: try the cached leader next, if there is one. */
  void preferLeaderNext() {
    preferLeader = true;
  }

  /** Routes by a fresher descriptor from now on (the tablet moved). */
  void reset(TabletDescriptor d) {
    replicas = d.getReplicasList();
    cursor = Math.floorMod(cursor, replicas.size());
    redirect = null;
  }

  private Optional<Endpoint> cachedLeader() {
    if (mode == RoutingMode.ANY_REPLICA && !preferLeader) {
      return Optional.empty();
    }
    preferLeader = false;
    return leaders.get(tabletId).filter(l -> last == null || !l.address().equals(last.address()));
  }

  private Endpoint rotate() {
    int n = replicas.size();
    Endpoint candidate = null;
    for (int i = 0; i < n; i++) {
      candidate = Endpoint.of(replicas.get(Math.floorMod(cursor++, n)));
      if (n == 1 || last == null || !candidate.address().equals(last.address())) {
        return candidate;
      }
    }
    return candidate;
  }
}
