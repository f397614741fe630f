package io.cesiumdb.tablet.txn;

import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.ResolveTxn;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.replication.TabletReplica;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Participant recovery (docs/design/transactions.md §4): at each tablet this node leads, a
 * transaction prepared here for longer than {@code resolveAfter} without an outcome is looked up at
 * its coordinator tablet ({@code TxnStatus}, abort if unknown) and resolved here with the answer.
 * That finishes transactions whose client vanished, whose coordinator leader failed, and breaks the
 * rare cross-tablet wait cycle in which a prepared (unwoundable) transaction waits for its
 * coordinator while the coordinator's commit waits for a lock held by an older transaction that
 * waits for the prepared one: the coordinator records ABORTED and the cycle ends.
 *
 * <p>Runs on the manager's tick; at most one question per transaction in flight. Timing uses the
 * local monotonic clock (when this leader first saw the prepare), so a new leader waits a full
 * {@code resolveAfter} before it asks.
 */
final class PreparedRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(PreparedRecovery.class);

  private final ReplicaHost host;
  private final TxnManager txns;
  private final CoordinatorClient coordinators;
  private final long afterNanos;
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final Set<String> asking = ConcurrentHashMap.newKeySet();

  PreparedRecovery(
      ReplicaHost host, TxnManager txns, CoordinatorClient coordinators, Duration resolveAfter) {
    this.host = host;
    this.txns = txns;
    this.coordinators = coordinators;
    this.afterNanos = resolveAfter.toNanos();
  }

  void tick() {
    long now = System.nanoTime();
    Set<String> seen = new HashSet<>();
    for (long tabletId : host.hostedTablets()) {
      host.replica(tabletId)
          .filter(TabletReplica::isReadyLeader)
          .ifPresent(r -> check(r, seen, now));
    }
    firstSeen.keySet().retainAll(seen);
  }

  private void check(TabletReplica replica, Set<String> seen, long now) {
    for (PrepareTxn p : replica.prepared().all()) {
      String key = replica.tabletId() + "/" + p.getTxnId();
      seen.add(key);
      long since = firstSeen.computeIfAbsent(key, k -> now);
      if (now - since >= afterNanos && asking.add(key)) {
        ask(replica, p).whenComplete((v, t) -> done(key, p, t));
      }
    }
  }

  private CompletableFuture<Void> ask(TabletReplica replica, PrepareTxn p) {
    return coordinators
        .status(p.getCoordinator(), p.getTxnId(), true)
        .thenCompose(
            status -> {
              LOG.info(
                  "Tablet {}: prepared txn {} resolved by recovery: {}",
                  Long.toUnsignedString(replica.tabletId()),
                  p.getTxnId(),
                  status.getOutcome());
              return txns.resolve(replica, resolution(p.getTxnId(), status));
            });
  }

  private static ResolveTxn resolution(String txnId, TxnStatusResponse status) {
    ResolveTxn.Builder r = ResolveTxn.newBuilder().setTxnId(txnId);
    if (status.getOutcome() == TxnOutcome.COMMITTED) {
      return r.setOutcome(TxnOutcome.COMMITTED).setCommitTs(status.getCommitTs()).build();
    }
    return r.setOutcome(TxnOutcome.ABORTED).build();
  }

  private void done(String key, PrepareTxn p, Throwable failure) {
    asking.remove(key);
    if (failure != null) {
      LOG.info("Recovery of prepared txn {} will retry: {}", p.getTxnId(), failure.getMessage());
    }
  }
}
