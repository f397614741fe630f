package io.cesiumdb.tablet.replication;

/**
 * A point-in-time view of one tablet replica, for status RPCs, placement and tests.
 *
 * @param tabletId the tablet
 * @param nodeId the node hosting this replica
 * @param leader true if this replica is its group's leader right now
 * @param leaderNodeId the leader this replica knows of, empty when unknown
 * @param term the replica's current Raft term
 * @param appliedIndex the last log index applied to the store (from the store's meta)
 * @param appliedMaxTs the highest commit timestamp applied: the replica's safe time in issue 3
 * @param lastAssignedTs the last commit timestamp this replica assigned as leader (0 if never)
 * @param commitIndex the replica's Raft commit index
 * @param logStartIndex the first index still in the replica's Raft log (grows when it is purged)
 * @param snapshotIndex the index of the replica's latest snapshot, -1 if none
 * @param snapshotsTaken snapshots this replica took since it started
 * @param snapshotInstalls snapshots installed from a leader since it started
 * @param timestampRegressions applied entries whose commit ts was not above the applied max ts;
 *     always 0 unless the "timestamps increase in log order" invariant is broken
 * @param commitWaitNanos time this replica's apply thread spent in commit wait since it started
 */
public record ReplicaInfo(
    long tabletId,
    String nodeId,
    boolean leader,
    boolean leaderReady,
    String leaderNodeId,
    long term,
    long appliedIndex,
    long appliedMaxTs,
    long lastAssignedTs,
    long commitIndex,
    long logStartIndex,
    long snapshotIndex,
    long snapshotsTaken,
    long snapshotInstalls,
    long timestampRegressions,
    long commitWaitNanos) {}
