package io.cesiumdb.pd.operator;

import java.util.Objects;

/**
 * One change to a tablet's Raft group. An {@link Operator}'s steps run in order; each is one Raft
 * membership change or one leadership transfer.
 */
public sealed interface Step {

  /** Adds a replica on {@code node} (a Ratis membership change; the new replica catches up). */
  record AddReplica(String node) implements Step {
    public AddReplica {
      Objects.requireNonNull(node, "node");
    }
  }

  /** Removes the replica on {@code node} (a Ratis membership change). */
  record RemoveReplica(String node) implements Step {
    public RemoveReplica {
      Objects.requireNonNull(node, "node");
    }
  }

  /** Moves leadership from {@code from} to {@code to}, both replicas of the tablet. */
  record TransferLeader(String from, String to) implements Step {
    public TransferLeader {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to)) {
        throw new IllegalArgumentException("transfer to the same node " + to);
      }
    }
  }
}
