/**
 * The placement driver as a service: its metadata replicated in its own Ratis group and the {@code
 * PlacementService} RPC over it.
 *
 * <ul>
 *   <li>{@link io.cesiumdb.pd.service.PlacementDriver}: one PD member — its own {@code RaftServer}
 *       (own port, data under {@code dataDir/raft}) hosting the fixed group {@link
 *       io.cesiumdb.pd.service.PlacementDriver#GROUP_ID}; started from a {@link
 *       io.cesiumdb.pd.service.PlacementDriverConfig} (peers as {@link
 *       io.cesiumdb.pd.service.PdPeer}, Ratis settings as {@link io.cesiumdb.pd.service.PdTuning}).
 *   <li>{@link io.cesiumdb.pd.service.PdStateMachine}: applies {@code MetaCommand} entries to a
 *       {@code MetaState} in log order; single-file snapshots of {@code MetaState.toSnapshot()}.
 *   <li>{@code PlacementServiceImpl}: the RPC handlers. Writes go through the log at the leader
 *       (NOT_LEADER with the leader's id at a follower); CreateTable places tablets with {@code
 *       Placement} on the leader's DDL thread; reads are served at the ready leader from applied
 *       state. Schema and catalog RPCs are in {@code SchemaRpcs}, users and Authenticate in {@code
 *       UserRpcs} (PBKDF2 on the member's {@code Credentials} threads, before proposing).
 *   <li>{@code LeaderBootstrap}: a leader serves nothing until schema PUBLIC exists; on a new
 *       cluster's first leadership it logs CreateSchema(PUBLIC, if_not_exists).
 * </ul>
 *
 * <p>With a tablet admin client the member also acts on tablets ({@code pd.controller}: CreateTable
 * creates replicas, SplitTablet splits the data, the operator controller repairs, balances and
 * auto-splits on the leader).
 *
 * <p>Neighbours: {@code pd.meta} (the deterministic state), {@code pd.placement} (decisions),
 * {@code pd.auth} (password hashing), {@code pd.controller} and {@code pd.tabletclient} (actions on
 * tablets), the {@code server} module (hosts {@code rpcService()}). Invariants: only the state
 * machine's apply changes {@code MetaState}; a command's time comes from the leader's clock; no
 * Ratis type leaves this package.
 */
package io.cesiumdb.pd.service;
