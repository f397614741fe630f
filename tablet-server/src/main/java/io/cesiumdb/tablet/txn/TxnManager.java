package io.cesiumdb.tablet.txn;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.ResolveTxn;
import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.replication.TabletReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's read-write transaction state: one {@link TabletTxns} per tablet replica while it
 * leads, created at its first transactional request in a term. A replica that is no longer leader,
 * or leads in a newer term, gets its old table closed (waiters fail, locks vanish) and, if leader,
 * a fresh one that remembers the old transactions as aborted (LEADER_CHANGED): their read locks
 * were not held throughout, so they must not commit here.
 *
 * <p>A periodic {@link #tick} (on the host's timer) closes the tables of replicas that lost
 * leadership and aborts transactions idle for {@link #DEFAULT_EXPIRY} (clients touch every 2 s).
 */
public final class TxnManager {
  private static final Logger LOG = LoggerFactory.getLogger(TxnManager.class);

  /** A transaction with no request or keepalive for this long is aborted (design §3.4). */
  public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(10);

  /** How often idle transactions and stale tables are looked for. */
  public static final Duration TICK = Duration.ofSeconds(1);

  /** A transaction prepared here this long without an outcome is asked about (design §4). */
  public static final Duration DEFAULT_RESOLVE_AFTER = Duration.ofSeconds(2);

  private final ReplicaHost host;
  private final Duration expiry;
  private final Map<Long, TabletTxns> tablets = new ConcurrentHashMap<>();
  private final PreparedRecovery recovery;

  public TxnManager(
      ReplicaHost host, Duration expiry, CoordinatorClient coordinators, Duration resolveAfter) {
    this.host = Objects.requireNonNull(host, "host");
    this.expiry = Objects.requireNonNull(expiry, "expiry");
    this.recovery = new PreparedRecovery(host, this, coordinators, resolveAfter);
  }

  /** A manager with the default timeouts whose tick runs on the host's timer. */
  public static TxnManager startOn(ReplicaHost host) {
    GrpcCoordinatorClient coordinators = new GrpcCoordinatorClient(host::tabletAddressOf);
    TxnManager manager = new TxnManager(host, DEFAULT_EXPIRY, coordinators, DEFAULT_RESOLVE_AFTER);
    host.scheduleTick(manager::tick, TICK);
    host.closeOnStop(coordinators);
    return manager;
  }

  /**
   * Logs a two-phase-commit outcome at {@code replica} (the leader), then frees the transaction's
   * locks in its table.
   */
  public CompletableFuture<Void> resolve(TabletReplica replica, ResolveTxn resolve) {
    return replica
        .resolve(resolve)
        .thenAccept(r -> existing(replica.tabletId()).ifPresent(t -> t.finish(resolve.getTxnId())));
  }

  /**
   * The transactions of {@code replica}, which must be the leader.
   *
   * @throws io.cesiumdb.common.error.CesiumException NOT_LEADER (with the leader hint) otherwise
   */
  public TabletTxns forLeader(TabletReplica replica) {
    if (!replica.isLeader()) {
      throw replica.notLeader();
    }
    long term = replica.term();
    TabletTxns current = tablets.get(replica.tabletId());
    if (current != null && current.term() == term && !current.isClosed()) {
      return current;
    }
    if (!replica.isReadyLeader()) {
      // Until it has applied every earlier entry, the prepared set may be incomplete.
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "tablet " + Long.toUnsignedString(replica.tabletId()) + ": new leader not ready yet");
    }
    return renew(replica, term);
  }

  /**
   * As {@link #forLeader}, once the replica is a ready leader (a leader just elected first applies
   * its predecessors' entries, prepare records included).
   */
  public CompletableFuture<TabletTxns> forReadyLeader(TabletReplica replica) {
    return replica.whenReadyLeader().thenApply(v -> forLeader(replica));
  }

  /** The table of {@code tabletId} if this node has one open (leader or not). */
  public Optional<TabletTxns> existing(long tabletId) {
    return Optional.ofNullable(tablets.get(tabletId)).filter(t -> !t.isClosed());
  }

  private synchronized TabletTxns renew(TabletReplica replica, long term) {
    long tabletId = replica.tabletId();
    TabletTxns current = tablets.get(tabletId);
    if (current != null && current.term() == term && !current.isClosed()) {
      return current;
    }
    List<PrepareTxn> prepared = List.copyOf(replica.prepared().all());
    Set<String> preparedIds = new HashSet<>();
    prepared.forEach(p -> preparedIds.add(p.getTxnId()));
    // A transaction prepared here outlives the leader change (its prepare is in the log): only
    // the others lost their locks with the old table. Marking a prepared one ended would refuse
    // its adoption, and with it every transaction of the tablet, until recovery resolved it.
    List<String> lost = new ArrayList<>(current == null ? List.of() : current.close());
    lost.removeAll(preparedIds);
    TabletTxns fresh = new TabletTxns(tabletId, term, lost);
    for (PrepareTxn p : prepared) {
      fresh.adoptPrepared(p.getTxnId(), p.getPriorityTs(), PreparedKeys.sorted(p));
    }
    tablets.put(tabletId, fresh);
    LOG.debug("Tablet {}: transaction table for term {}", tabletId, term);
    return fresh;
  }

  /**
   * Closes tables of replicas gone or no longer leading in their term; expires idle txns; asks
   * coordinators about transactions prepared too long.
   */
  public void tick() {
    try {
      recovery.tick();
    } catch (RuntimeException ex) {
      LOG.warn("Recovery of prepared transactions", ex);
    }
    for (Map.Entry<Long, TabletTxns> e : tablets.entrySet()) {
      try {
        tick(e.getKey(), e.getValue());
      } catch (RuntimeException ex) {
        LOG.warn("Transaction tick of tablet {}", e.getKey(), ex);
      }
    }
  }

  private void tick(long tabletId, TabletTxns txns) {
    Optional<TabletReplica> replica = host.replica(tabletId);
    boolean leads = replica.map(r -> r.isLeader() && r.term() == txns.term()).orElse(false);
    if (leads) {
      txns.expire(expiry);
      return;
    }
    synchronized (this) {
      if (tablets.remove(tabletId, txns)) {
        List<String> lost = txns.close();
        if (!lost.isEmpty()) {
          LOG.info("Tablet {}: leadership lost, aborted transactions {}", tabletId, lost);
        }
      }
    }
  }
}
