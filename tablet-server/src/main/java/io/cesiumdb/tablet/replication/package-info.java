/**
 * Multi-raft replication of tablets with Apache Ratis: one {@code RaftServer} per node, one group
 * per tablet, one {@link io.cesiumdb.tablet.replication.TabletStateMachine} per group over the
 * node's shared {@code MvccStore}.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  host          ReplicaHost (RaftServer, RECOVER, executors) ─ GroupAdmin (add/remove groups)
 *                TabletRegistry (StateMachine.Registry) ─ TabletGroupIds (tablet id ↔ group id)
 *                TabletRaftProperties (every Ratis setting we change, with the reason)
 *  per tablet    TabletReplica (what handlers call: write, leaderRead, snapshotRead, info)
 *                ├ ReplicaWrites (readiness, timestamp + append under the oracle, reply → result)
 *                └ ReplicaReads (leader, locked, state and snapshot reads)
 *                TimestampOracle (commit ts in log order, read floor) ─ common LeaderReadiness
 *  state machine TabletStateMachine ─ AppliedState (applied index/term/max ts + waiters)
 *                ReplicaMeta (meta entries) ─ TabletSnapshotStorage (snapshot dirs, md5)
 *                LeaderRead (ReadIndex query) ─ LocalMessage (in-process Ratis message)
 *  glue          RaftRequests (in-process requests), RaftErrors (Ratis → CesiumException)
 *  apply/        CommandDispatcher + one CommandHandler per TabletCommand (ApplyWrites)
 *  fault/        RaftFaultInterceptor: drops/delays incoming Raft messages per FaultPlan
 * </pre>
 *
 * <h2>Threading</h2>
 *
 * <ul>
 *   <li>Ratis threads per division: log worker, StateMachineUpdater (apply, snapshots), cache
 *       eviction, FollowerState or LeaderStateImpl plus one appender per follower.
 *   <li>Writes append on the caller's thread under the tablet's {@link
 *       io.cesiumdb.tablet.replication.TimestampOracle} lock (an in-memory append, no fsync); all
 *       waiting (replication, ReadIndex, applied timestamps, leader readiness) is futures, and
 *       continuations run on the node's worker pool, never on Ratis threads.
 *   <li>Group add/remove runs on one admin thread per node.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Each applied entry is one store batch carrying its data and the applied index, term and max
 *       commit timestamp; entries at or below the store's applied index are skipped (replay).
 *   <li>Commit timestamps increase strictly in log order; a new leader assigns only after every
 *       entry of earlier terms is applied, and above all of them.
 *   <li>A snapshot directory with a final name is complete and fsynced; the log is purged only up
 *       to such a snapshot.
 *   <li>Apply is deterministic: no clock, no randomness, only the log and the store.
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Used by {@code io.cesiumdb.tablet.handlers} (through {@code ReplicaHost} and {@code
 * TabletReplica}) and the facade. Uses {@code io.cesiumdb.tablet.storage}. Design and measured
 * costs: {@code docs/design/replication.md}.
 */
package io.cesiumdb.tablet.replication;
