package io.cesiumdb.tablet.txn;

import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.replication.TabletReplica;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  private final ReplicaHost host;
  private final Duration expiry;
  private final Map<Long, TabletTxns> tablets = new ConcurrentHashMap<>();

  public TxnManager(ReplicaHost host, Duration expiry) {
    this.host = Objects.requireNonNull(host, "host");
    this.expiry = Objects.requireNonNull(expiry, "expiry");
  }

  /** A manager with the default expiry whose tick runs on the host's timer. */
  public static TxnManager startOn(ReplicaHost host) {
    TxnManager manager = new TxnManager(host, DEFAULT_EXPIRY);
    host.scheduleTick(manager::tick, TICK);
    return manager;
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
    return renew(replica.tabletId(), term);
  }

  /** The table of {@code tabletId} if this node has one open (leader or not). */
  public Optional<TabletTxns> existing(long tabletId) {
    return Optional.ofNullable(tablets.get(tabletId)).filter(t -> !t.isClosed());
  }

  private synchronized TabletTxns renew(long tabletId, long term) {
    TabletTxns current = tablets.get(tabletId);
    if (current != null && current.term() == term && !current.isClosed()) {
      return current;
    }
    List<String> lost = current == null ? List.of() : current.close();
    TabletTxns fresh = new TabletTxns(tabletId, term, lost);
    tablets.put(tabletId, fresh);
    LOG.debug("Tablet {}: transaction table for term {}", tabletId, term);
    return fresh;
  }

  /** Closes tables of replicas gone or no longer leading in their term; expires idle txns. */
  public void tick() {
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
