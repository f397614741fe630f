package io.cesiumdb.tablet;

import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.gc.GcPolicy;
import io.cesiumdb.tablet.handlers.TabletHandlers;
import io.cesiumdb.tablet.replication.ClockGate;
import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.replication.TxnDecisions;
import io.cesiumdb.tablet.rpc.TabletRpcService;
import io.cesiumdb.tablet.storage.RocksMvccStore;
import io.cesiumdb.tablet.storage.RocksStoreConfig;
import io.cesiumdb.tablet.storage.StorageException;
import io.cesiumdb.tablet.txn.TabletTxns;
import io.cesiumdb.truetime.TrueTime;
import io.grpc.BindableService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one node does for the tablet replicas it hosts: the node's RocksDB ({@code
 * dataDir/store}), its Ratis server with one group per tablet ({@code dataDir/raft}), and the
 * {@code TabletService} the node serves on its own gRPC server.
 *
 * <p>Lifecycle: {@link #start} opens the store, starts Ratis and recovers every group found on
 * disk; {@link #close} stops in order; {@link #halt} stops abruptly (tests). Either way the data
 * directory can be reopened by a later {@code start}.
 */
public final class TabletServer implements AutoCloseable {
  private final TabletServerConfig config;
  private final RocksMvccStore store;
  private final ReplicaHost host;
  private final TabletRpcService rpc;
  private final TabletHandlers handlers;

  private TabletServer(TabletServerConfig config, RocksMvccStore store, ReplicaHost host) {
    this.config = config;
    this.store = store;
    this.host = host;
    this.handlers = TabletHandlers.create(host, store, config.tuning().maxWriteBytes());
    this.rpc = new TabletRpcService(handlers);
  }

  /** Opens the node's store and Raft server, recovering every tablet group under {@code raft/}. */
  public static TabletServer start(TabletServerConfig config, TrueTime trueTime) {
    RocksMvccStore store = RocksMvccStore.open(RocksStoreConfig.defaults(config.storeDir()));
    try {
      return new TabletServer(config, store, ReplicaHost.start(config, store, trueTime));
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException("cannot start the tablet server of " + config.nodeId(), e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The tablet RPC; the node adds it to its own gRPC server. */
  public BindableService rpcService() {
    return rpc;
  }

  public String nodeId() {
    return config.nodeId();
  }

  public TabletServerConfig config() {
    return config;
  }

  /** The Ratis port actually bound (useful when the config asked for port 0). */
  public int raftPort() {
    return host.raftPort();
  }

  /** {@code host:port} of the Ratis server: the {@code raft_address} of this node's replicas. */
  public String raftAddress() {
    return host.raftAddress();
  }

  /** Optional: node id to tablet RPC address, for NOT_LEADER hints when descriptors lack it. */
  public void setTabletAddressResolver(Function<String, String> nodeIdToTabletAddress) {
    host.setTabletAddressResolver(nodeIdToTabletAddress);
  }

  /** The tablets this node hosts a replica of. */
  public Set<Long> hostedTablets() {
    return host.hostedTablets();
  }

  /** The state of this node's replica of {@code tabletId}, if hosted. */
  public Optional<ReplicaInfo> replicaInfo(long tabletId) {
    return host.replica(tabletId).map(TabletReplica::info);
  }

  /**
   * How many transaction lock requests wait at this node's leader replica of {@code tabletId} (0 if
   * it has no open lock table): for diagnostics and tests that build interleavings.
   */
  public int lockWaiters(long tabletId) {
    return handlers.txns().existing(tabletId).map(TabletTxns::waiterCount).orElse(0);
  }

  /**
   * The ids of the two-phase-commit transactions prepared and unresolved at this node's replica of
   * {@code tabletId} (empty if it hosts none): for diagnostics and recovery tests.
   */
  public List<String> preparedTxnIds(long tabletId) {
    return host.replica(tabletId)
        .map(r -> r.prepared().all().stream().map(PrepareTxn::getTxnId).toList())
        .orElse(List.of());
  }

  /**
   * The decision this node's store records for {@code txnId} as coordinator tablet {@code tabletId}
   * (empty: none, or forgotten): for diagnostics and tests.
   */
  public Optional<TxnOutcome> recordedDecision(long tabletId, String txnId) {
    return TxnDecisions.read(store, tabletId, txnId).map(TxnDecision::getOutcome);
  }

  /**
   * Runs a GC round now with {@code retention} (the periodic one uses the 1 h default): every
   * tablet this node leads proposes a horizon. Returns how many proposed one.
   */
  public int collectGarbage(Duration retention) {
    return host.collectGarbage(new GcPolicy(retention));
  }

  /** The applied GC horizon of this node's replica of {@code tabletId} (0 if none or not held). */
  public long gcHorizon(long tabletId) {
    return host.replica(tabletId).map(TabletReplica::gcHorizon).orElse(0L);
  }

  /** Sets whether this node's clock may be used for timestamps (the node's clock monitor). */
  public void setClockGate(ClockGate gate) {
    host.setClockGate(gate);
  }

  /** Hands every tablet this node leads to another replica; returns how many transfers started. */
  public int shedLeadership() {
    return host.shedLeadership();
  }

  /** This node's view of a hosted tablet (range, epoch, replicas), for heartbeats. */
  public Optional<TabletDescriptor> descriptor(long tabletId) {
    return host.replica(tabletId).map(TabletReplica::descriptor);
  }

  /** The approximate bytes of a hosted tablet's range in the store (0 if not hosted). */
  public long approximateSize(long tabletId) {
    return descriptor(tabletId)
        .map(d -> store.approximateSize(d.getKeyspace(), TabletRange.start(d), TabletRange.end(d)))
        .orElse(0L);
  }

  /** Orderly stop: Ratis divisions close after applying what is committed, then the store. */
  @Override
  public void close() {
    try {
      host.close();
    } finally {
      closeStore();
    }
  }

  /**
   * Abrupt stop for tests: the Raft endpoint disappears first, then every division and the store
   * close with no snapshot, no extra flush and no leadership transfer. Nothing acknowledged is
   * lost: the Raft log was fsynced before each acknowledgement, and a later {@link #start} on the
   * same directory replays it.
   */
  public void halt() {
    try {
      host.halt();
    } finally {
      closeStore();
    }
  }

  private void closeStore() {
    try {
      store.close();
    } catch (StorageException e) {
      // Closing twice or after a failed division is harmless; the data dir stays reopenable.
    }
  }
}
