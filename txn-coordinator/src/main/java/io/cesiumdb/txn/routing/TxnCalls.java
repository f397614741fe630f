package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsRequest;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TouchTxnRequest;
import io.cesiumdb.proto.tablet.TouchTxnResponse;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The key-addressed transaction RPCs behind {@link KeyRouter}'s transaction methods: reads and
 * scans carrying a {@link TxnContext}, and {@code CommitTxn}, {@code AbortTxn}, {@code TouchTxn},
 * and two-phase commit's {@code PrepareTxn}, {@code ResolveTxn}, {@code TxnStatus}. Every one goes
 * to the tablet's leader with the routing guarantees of {@link KeyRouter} (not-leader hints
 * followed by {@link TabletRouter}, stale answers re-resolved by key by {@link KeyedRetry}). {@code
 * CommitTxn} and {@code PrepareTxn} are writes for {@link RetryClassifier}: never re-sent after an
 * ambiguous failure. Stateless apart from the router; thread-safe.
 */
final class TxnCalls {
  private final KeyRouter router;

  TxnCalls(KeyRouter router) {
    this.router = router;
  }

  CompletableFuture<ReadResponse> read(
      long keyspace, ByteString key, TxnContext txn, TabletServed served) {
    if (key == null || !valid(txn) || served == null) {
      return KeyRouter.invalid("txn read: key, a txn id and a listener are required");
    }
    ReadRequest request =
        ReadRequest.newBuilder()
            .setKey(key)
            .setReadTs(0)
            .setConsistency(ReadConsistency.LEADER)
            .setTxn(txn)
            .build();
    return atLeader(
        "Txn read of keyspace " + keyspace,
        keyspace,
        key,
        leader(TabletRpc.TXN_READ, request),
        (d, r) -> served.served(d, r.getReadTs(), r.getTxnTerm()));
  }

  CompletableFuture<List<Row>> scan(
      long keyspace, ByteString start, ByteString end, TxnContext txn, TabletServed served) {
    if (start == null || end == null || !valid(txn) || served == null) {
      return KeyRouter.invalid("txn scan: start, end, a txn id and a listener are required");
    }
    return new ScanWalk(
            router,
            keyspace,
            start,
            end,
            0,
            ReadConsistency.LEADER,
            RoutingMode.LEADER,
            0,
            txn,
            served)
        .start();
  }

  /**
   * Lower bounds of a two-phase timestamp: {@code minTs} (the decision: every prepare timestamp)
   * and {@code lockedTs} (the clock reading after the lock round); 0 = none.
   */
  record Bounds(long minTs, long lockedTs) {
    static final Bounds NONE = new Bounds(0, 0);
  }

  /** A commit at tablet {@code tabletId} (0 = whichever holds the writes at send time). */
  CompletableFuture<CommitTxnResponse> commit(
      long keyspace,
      long tabletId,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      List<Long> participants,
      Bounds bounds) {
    if (!valid(txn) || mutations == null || mutations.isEmpty()) {
      return KeyRouter.invalid("commitTxn: a txn id and at least one mutation are required");
    }
    CommitTxnRequest request =
        CommitTxnRequest.newBuilder()
            .setTxn(txn)
            .addAllMutations(mutations)
            .setReadTerm(readTerm)
            .addAllParticipantTabletIds(participants)
            .setMinCommitTs(bounds.minTs())
            .setLockedTs(bounds.lockedTs())
            .build();
    return oneTabletWrite(
        "CommitTxn", keyspace, tabletId, txn, mutations, TabletRpc.COMMIT_TXN, request);
  }

  /** A participant's prepare: its prepare timestamp is {@code >= lockedTs} (0 = none). */
  CompletableFuture<PrepareTxnResponse> prepare(
      long keyspace,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      TabletDescriptor coordinator,
      long lockedTs) {
    return prepareRequest(
        keyspace, txn, mutations, readTerm, coordinator, b -> b.setLockedTs(lockedTs));
  }

  /** Phase one of a multi-tablet commit: EXCLUSIVE locks only, nothing logged. */
  CompletableFuture<PrepareTxnResponse> lock(
      long keyspace,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      TabletDescriptor coordinator) {
    return prepareRequest(
        keyspace, txn, mutations, readTerm, coordinator, b -> b.setLockOnly(true));
  }

  private CompletableFuture<PrepareTxnResponse> prepareRequest(
      long keyspace,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      TabletDescriptor coordinator,
      Consumer<PrepareTxnRequest.Builder> shape) {
    if (!valid(txn) || mutations == null || mutations.isEmpty() || coordinator == null) {
      return KeyRouter.invalid("prepareTxn: a txn id, mutations and the coordinator are required");
    }
    PrepareTxnRequest.Builder request =
        PrepareTxnRequest.newBuilder()
            .setTxn(txn)
            .addAllMutations(mutations)
            .setReadTerm(readTerm)
            .setCoordinator(coordinator);
    shape.accept(request);
    return oneTabletWrite(
        "PrepareTxn", keyspace, 0, txn, mutations, TabletRpc.PREPARE_TXN, request.build());
  }

  /**
   * A request carrying writes that must all lie in one tablet: routed by the first key, checked
   * against the descriptor (refreshed once); writes that span tablets, or that left tablet {@code
   * tabletId} (0 = no such check), abort the transaction.
   */
  private <Req, Resp> CompletableFuture<Resp> oneTabletWrite(
      String what,
      long keyspace,
      long tabletId,
      TxnContext txn,
      List<Mutation> mutations,
      TabletRpc<Req, Resp> rpc,
      Req request) {
    ByteString first = mutations.get(0).getKey();
    boolean[] refreshedForSpan = {false};
    Function<TabletDescriptor, CesiumException> onSpan = d -> spans(txn, d);
    return KeyedRetry.run(
        router.ctx(),
        what + " " + txn.getTxnId() + " in keyspace " + keyspace,
        router.deadline(),
        dl ->
            router
                .locator()
                .locate(keyspace, first, dl)
                .thenCompose(
                    d -> router.oneTablet(keyspace, mutations, d, refreshedForSpan, dl, onSpan))
                .thenCompose(d -> planned(txn, d, tabletId))
                .thenCompose(
                    d ->
                        router
                            .tablets()
                            .submitKeyed(rpc, d, request, RoutingMode.LEADER, dl)
                            .whenComplete((r, t) -> router.repairIfStale(keyspace, first, d, t))));
  }

  /** A prepare without writes at the tablet holding {@code key}: validates the read locks. */
  CompletableFuture<PrepareTxnResponse> validateReads(
      long keyspace, ByteString key, TxnContext txn, long readTerm) {
    if (key == null || !valid(txn)) {
      return KeyRouter.invalid("validateReads: key and txn id are required");
    }
    PrepareTxnRequest request =
        PrepareTxnRequest.newBuilder().setTxn(txn).setReadTerm(readTerm).build();
    return atLeader(
        "PrepareTxn (reads) " + txn.getTxnId(),
        keyspace,
        key,
        leader(TabletRpc.PREPARE_TXN, request),
        (d, r) -> {});
  }

  CompletableFuture<ResolveTxnResponse> resolve(
      long keyspace, ByteString key, String txnId, TxnOutcome outcome, long commitTs) {
    if (key == null || txnId == null || txnId.isEmpty()) {
      return KeyRouter.invalid("resolveTxn: key and txn id are required");
    }
    ResolveTxnRequest request =
        ResolveTxnRequest.newBuilder()
            .setTxnId(txnId)
            .setOutcome(outcome)
            .setCommitTs(commitTs)
            .build();
    return atLeader(
        "ResolveTxn " + txnId, keyspace, key, leader(TabletRpc.RESOLVE_TXN, request), (d, r) -> {});
  }

  CompletableFuture<TxnStatusResponse> status(
      long keyspace, ByteString key, String txnId, boolean abortIfUnknown) {
    if (key == null || txnId == null || txnId.isEmpty()) {
      return KeyRouter.invalid("txnStatus: key and txn id are required");
    }
    TxnStatusRequest request =
        TxnStatusRequest.newBuilder().setTxnId(txnId).setAbortIfUnknown(abortIfUnknown).build();
    return atLeader(
        "TxnStatus " + txnId, keyspace, key, leader(TabletRpc.TXN_STATUS, request), (d, r) -> {});
  }

  CompletableFuture<ForgetTxnDecisionsResponse> forget(
      long keyspace, ByteString key, List<String> txnIds) {
    if (key == null || txnIds == null || txnIds.isEmpty()) {
      return KeyRouter.invalid("forgetTxnDecisions: key and txn ids are required");
    }
    ForgetTxnDecisionsRequest request =
        ForgetTxnDecisionsRequest.newBuilder().addAllTxnIds(txnIds).build();
    return atLeader(
        "ForgetTxnDecisions (" + txnIds.size() + ")",
        keyspace,
        key,
        leader(TabletRpc.FORGET_TXN_DECISIONS, request),
        (d, r) -> {});
  }

  CompletableFuture<AbortTxnResponse> abort(long keyspace, ByteString key, String txnId) {
    if (key == null || txnId == null || txnId.isEmpty()) {
      return KeyRouter.invalid("abortTxn: key and txn id are required");
    }
    AbortTxnRequest request = AbortTxnRequest.newBuilder().setTxnId(txnId).build();
    return atLeader(
        "AbortTxn " + txnId, keyspace, key, leader(TabletRpc.ABORT_TXN, request), (d, r) -> {});
  }

  CompletableFuture<TouchTxnResponse> touch(long keyspace, ByteString key, String txnId) {
    if (key == null || txnId == null || txnId.isEmpty()) {
      return KeyRouter.invalid("touchTxn: key and txn id are required");
    }
    TouchTxnRequest request = TouchTxnRequest.newBuilder().setTxnId(txnId).build();
    return atLeader(
        "TouchTxn " + txnId, keyspace, key, leader(TabletRpc.TOUCH_TXN, request), (d, r) -> {});
  }

  /** One key-addressed call: resolve {@code key}, send, repair the cache on a stale answer. */
  private <R> CompletableFuture<R> atLeader(
      String what,
      long keyspace,
      ByteString key,
      BiFunction<TabletDescriptor, Long, CompletableFuture<R>> send,
      BiConsumer<TabletDescriptor, R> onSuccess) {
    return KeyedRetry.run(
        router.ctx(),
        what,
        router.deadline(),
        dl ->
            router
                .locator()
                .locate(keyspace, key, dl)
                .thenCompose(
                    d ->
                        send.apply(d, dl)
                            .whenComplete(
                                (r, t) -> {
                                  if (t == null) {
                                    onSuccess.accept(d, r);
                                  }
                                  router.repairIfStale(keyspace, key, d, t);
                                })));
  }

  private <Req, Resp> BiFunction<TabletDescriptor, Long, CompletableFuture<Resp>> leader(
      TabletRpc<Req, Resp> rpc, Req request) {
    return (d, dl) -> router.tablets().submitKeyed(rpc, d, request, RoutingMode.LEADER, dl);
  }

  private static boolean valid(TxnContext txn) {
    return txn != null && !txn.getTxnId().isEmpty();
  }

  /** The writes grouped for one tablet span two now (it split): the txn starts over. */
  private static CompletableFuture<TabletDescriptor> planned(
      TxnContext txn, TabletDescriptor d, long tabletId) {
    if (tabletId == 0 || d.getTabletId() == tabletId) {
      return CompletableFuture.completedFuture(d);
    }
    return CompletableFuture.failedFuture(
        CesiumException.retry(
            ErrorCode.TXN_ABORTED,
            "txn "
                + txn.getTxnId()
                + ": its writes for tablet "
                + Long.toUnsignedString(tabletId)
                + " now belong to tablet "
                + Long.toUnsignedString(d.getTabletId())
                + " (a split); retry the transaction",
            new RetryHint.TxnAborted(txn.getTxnId(), AbortReason.PREPARE_FAILED)));
  }

  private static CesiumException spans(TxnContext txn, TabletDescriptor d) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn "
            + txn.getTxnId()
            + ": tablet "
            + Long.toUnsignedString(d.getTabletId())
            + " split after the writes were grouped by tablet; retry the transaction",
        new RetryHint.TxnAborted(txn.getTxnId(), AbortReason.PREPARE_FAILED));
  }
}
