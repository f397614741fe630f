/**
 * The placement driver's replicated metadata as a deterministic state machine: {@link
 * io.cesiumdb.pd.meta.MetaState} holds the node registry, the catalog (schemas, tables, columns,
 * primary keys, schema versions), the users (stored credentials) and the tablet directory, and
 * changes only through {@link io.cesiumdb.pd.meta.MetaState#apply} of a {@code MetaCommand}
 * (placement.proto). A small dispatcher routes each command to its handler ({@code
 * RegisterNodeHandler}, {@code HeartbeatHandler}, {@code CreateSchemaHandler}, {@code
 * DropSchemaHandler}, {@code CreateTableHandler}, {@code DropTableHandler}, {@code
 * SplitTabletHandler}, {@code UpdateReplicasHandler}, {@code UpdateLeaderHandler}, {@code
 * AllocateTabletIdsHandler}, {@code CreateUserHandler}, {@code DropUserHandler}); a heartbeat may
 * also adopt a split the directory did not record ({@code SplitAdoption}: a leader reports an
 * unknown tablet that is the right-hand piece of a known one); a rejection is a {@link
 * io.cesiumdb.pd.meta.MetaResult.Failed} with a stable {@code ErrorCode} (and the current epoch for
 * TABLET_MOVED).
 *
 * <p>Neighbours: the PD's Ratis state machine (next step) feeds it log entries and stores {@link
 * io.cesiumdb.pd.meta.MetaState#toSnapshot} bytes; the PD leader builds {@code CreateTable}
 * placements with {@code pd.placement.Placement} over {@link
 * io.cesiumdb.pd.meta.MetaState#toClusterView}, and executed operators come back as {@code
 * UpdateReplicas}.
 *
 * <p>Invariants: no clock, randomness or I/O — time comes in commands, table and tablet ids from
 * counters in the state (from 1, never reused); iteration is sorted, so equal command sequences
 * give byte-equal snapshots; handlers check before they change, so a failed command changes
 * nothing; each table's tablets cover the key space {@code ["", "")} with no gap or overlap
 * (unsigned byte order, empty end = unbounded); every split or replica change bumps the epoch, a
 * leader change does not; a leader hint is empty or one of the tablet's replicas; every replica
 * names a registered node; the catalog version moves on every schema or table created or dropped
 * (not on user changes); {@code PUBLIC} is never dropped and no schema with tables is; users hold a
 * salted hash computed by the leader (no password, no hashing here).
 */
package io.cesiumdb.pd.meta;
