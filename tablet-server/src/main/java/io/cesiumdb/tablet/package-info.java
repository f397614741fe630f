/**
 * The tablet server's facade: what the node (the {@code server} module) starts and wires.
 *
 * <h2>Role</h2>
 *
 * <p>{@link io.cesiumdb.tablet.TabletServer} hosts every tablet replica of one node: it opens the
 * node's one RocksDB ({@code dataDir/store}), starts one Ratis server with one Raft group per
 * tablet ({@code dataDir/raft}), and exposes the {@code TabletService} gRPC service that the node
 * adds to its own gRPC server. {@link io.cesiumdb.tablet.TabletServerConfig} and {@link
 * io.cesiumdb.tablet.RaftTuning} are its settings.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  rpc/          TabletRpcService (gRPC shell), ErrorDetails (the one error mapping)
 *  handlers/     one class per RPC: Read, Scan, Write, Status, CreateReplica, RemoveReplica
 *  replication/  ReplicaHost (multi-raft), TabletReplica (per-tablet API for handlers),
 *                TabletStateMachine, TimestampOracle, snapshots; apply/ (one handler per
 *                command), fault/ (Ratis network fault interceptor)
 *  storage/      MvccStore and its engines (issue 3, first half)
 * </pre>
 *
 * <p>Request flow: gRPC thread → {@code TabletRpcService} → handler → {@code TabletReplica} → Ratis
 * division (append, or ReadIndex) → {@code TabletStateMachine} on the group's apply thread → {@code
 * MvccStore}. Design: {@code docs/design/replication.md}.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>An acknowledged write is in the fsynced Raft log of a majority; {@link
 *       io.cesiumdb.tablet.TabletServer#halt()} followed by {@code start()} on the same directory
 *       loses none.
 *   <li>Commit timestamps of a tablet increase strictly in log order.
 *   <li>A read at t is served only when every write with a timestamp up to t is applied there.
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Depends on {@code truetime} (each node's TrueTime), {@code common} (error codes, FaultPlan),
 * {@code proto} (commands and RPC), Apache Ratis and RocksDB. Used by {@code server} (composition
 * root); {@code txn-coordinator} talks to it only over the RPC.
 */
package io.cesiumdb.tablet;
