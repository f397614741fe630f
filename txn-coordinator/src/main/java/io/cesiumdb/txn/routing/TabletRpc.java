package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsRequest;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsResponse;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TouchTxnRequest;
import io.cesiumdb.proto.tablet.TouchTxnResponse;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.grpc.MethodDescriptor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What the router needs to know about one TabletService method, so that one retry loop ({@link
 * RoutedCall}) serves them all: the gRPC method, whether it writes (and so may be retried only when
 * provably not processed), where the response keeps its error, how to read and set the request's
 * tablet id, and whether a successful response proves the answering replica leads.
 *
 * @param <Req> request message
 * @param <Resp> response message
 */
record TabletRpc<Req, Resp>(
    String name,
    MethodDescriptor<Req, Resp> method,
    boolean isWrite,
    Function<Resp, ErrorDetail> errorOf,
    ToLongFunction<Req> tabletIdOf,
    BiFunction<Req, Long, Req> withTabletId,
    Predicate<Resp> answeredByLeader,
    boolean waitsForLocks) {

  /** A method whose server side never waits for a transaction's lock. */
  TabletRpc(
      String name,
      MethodDescriptor<Req, Resp> method,
      boolean isWrite,
      Function<Resp, ErrorDetail> errorOf,
      ToLongFunction<Req> tabletIdOf,
      BiFunction<Req, Long, Req> withTabletId,
      Predicate<Resp> answeredByLeader) {
    this(name, method, isWrite, errorOf, tabletIdOf, withTabletId, answeredByLeader, false);
  }

  /**
   * The same method, for requests that may wait in a tablet's lock table: an attempt then gets the
   * whole remaining deadline, not {@link RouterConfig#attemptTimeout()}. A lock wait is bounded by
   * the holder (which commits, aborts, is wounded or expires), and cutting it short would turn a
   * commit that is merely queued into an unknown outcome.
   */
  TabletRpc<Req, Resp> waitingForLocks() {
    return new TabletRpc<>(
        name, method, isWrite, errorOf, tabletIdOf, withTabletId, answeredByLeader, true);
  }

  static final TabletRpc<ReadRequest, ReadResponse> READ =
      new TabletRpc<>(
          "Read",
          TabletServiceGrpc.getReadMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          ReadRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  static final TabletRpc<ScanRequest, ScanResponse> SCAN =
      new TabletRpc<>(
          "Scan",
          TabletServiceGrpc.getScanMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          ScanRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  /** A read inside a read-write transaction: takes a SHARED lock first. */
  static final TabletRpc<ReadRequest, ReadResponse> TXN_READ = READ.waitingForLocks();

  /** A scan inside a read-write transaction: locks its range SHARED first. */
  static final TabletRpc<ScanRequest, ScanResponse> TXN_SCAN = SCAN.waitingForLocks();

  static final TabletRpc<WriteRequest, WriteResponse> WRITE =
      new TabletRpc<>(
          "Write",
          TabletServiceGrpc.getWriteMethod(),
          true,
          r -> r.hasError() ? r.getError() : null,
          WriteRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  /**
   * A single-tablet transaction commit. A write: re-sent only when provably not processed (a
   * not-leader or not-hosted answer, or never delivered); after delivery its outcome is unknown.
   */
  static final TabletRpc<CommitTxnRequest, CommitTxnResponse> COMMIT_TXN =
      new TabletRpc<>(
              "CommitTxn",
              TabletServiceGrpc.getCommitTxnMethod(),
              true,
              r -> r.hasError() ? r.getError() : null,
              CommitTxnRequest::getTabletId,
              (r, id) -> r.toBuilder().setTabletId(id).build(),
              r -> false)
          .waitingForLocks();

  /**
   * A two-phase-commit prepare. A write: a re-sent prepare could succeed while the first attempt's
   * failure released the locks, so it is re-sent only when provably not processed.
   */
  static final TabletRpc<PrepareTxnRequest, PrepareTxnResponse> PREPARE_TXN =
      new TabletRpc<>(
              "PrepareTxn",
              TabletServiceGrpc.getPrepareTxnMethod(),
              true,
              r -> r.hasError() ? r.getError() : null,
              PrepareTxnRequest::getTabletId,
              (r, id) -> r.toBuilder().setTabletId(id).build(),
              r -> false)
          .waitingForLocks();

  /** A two-phase-commit outcome at a participant; idempotent, so retried like a read. */
  static final TabletRpc<ResolveTxnRequest, ResolveTxnResponse> RESOLVE_TXN =
      new TabletRpc<>(
          "ResolveTxn",
          TabletServiceGrpc.getResolveTxnMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          ResolveTxnRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  /** A coordinator's recorded outcome (abort-if-unknown is idempotent too): retried like a read. */
  static final TabletRpc<TxnStatusRequest, TxnStatusResponse> TXN_STATUS =
      new TabletRpc<>(
          "TxnStatus",
          TabletServiceGrpc.getTxnStatusMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          TxnStatusRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  /** Forgets coordinator decision records; idempotent, so retried like a read. */
  static final TabletRpc<ForgetTxnDecisionsRequest, ForgetTxnDecisionsResponse>
      FORGET_TXN_DECISIONS =
          new TabletRpc<>(
              "ForgetTxnDecisions",
              TabletServiceGrpc.getForgetTxnDecisionsMethod(),
              false,
              r -> r.hasError() ? r.getError() : null,
              ForgetTxnDecisionsRequest::getTabletId,
              (r, id) -> r.toBuilder().setTabletId(id).build(),
              r -> false);

  /** Releases a transaction's locks; idempotent, so retried like a read. */
  static final TabletRpc<AbortTxnRequest, AbortTxnResponse> ABORT_TXN =
      new TabletRpc<>(
          "AbortTxn",
          TabletServiceGrpc.getAbortTxnMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          AbortTxnRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  /** Transaction keepalive; idempotent, so retried like a read. */
  static final TabletRpc<TouchTxnRequest, TouchTxnResponse> TOUCH_TXN =
      new TabletRpc<>(
          "TouchTxn",
          TabletServiceGrpc.getTouchTxnMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          TouchTxnRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          r -> false);

  /** Status of the tablet as its leader sees it: a follower's answer counts as not-leader. */
  static final TabletRpc<StatusRequest, StatusResponse> STATUS_AT_LEADER =
      new TabletRpc<>(
          "Status",
          TabletServiceGrpc.getStatusMethod(),
          false,
          TabletRpc::statusAtLeaderError,
          StatusRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          StatusResponse::getIsLeader);

  /** Status of one given replica, whatever its role. */
  static final TabletRpc<StatusRequest, StatusResponse> STATUS_AT_REPLICA =
      new TabletRpc<>(
          "Status",
          TabletServiceGrpc.getStatusMethod(),
          false,
          r -> r.hasError() ? r.getError() : null,
          StatusRequest::getTabletId,
          (r, id) -> r.toBuilder().setTabletId(id).build(),
          StatusResponse::getIsLeader);

  /** The response's error, or null if it has none. */
  ErrorDetail errorIn(Resp response) {
    ErrorDetail d = errorOf.apply(response);
    return ErrorDetails.isError(d) ? d : null;
  }

  private static ErrorDetail statusAtLeaderError(StatusResponse r) {
    if (r.hasError() && ErrorDetails.isError(r.getError())) {
      return r.getError();
    }
    if (r.getIsLeader()) {
      return null;
    }
    // NB: a follower answers Status without an error; the router wants the leader's view, so it
    // reads the answer as a not-leader hint by node id (the classifier resolves the address).
    return ErrorDetail.newBuilder()
        .setCode(ErrorCode.NOT_LEADER.id())
        .setMessage("status answered by follower " + r.getNodeId())
        .setNotLeader(
            NotLeader.newBuilder()
                .setTabletId(r.hasTablet() ? r.getTablet().getTabletId() : 0)
                .setLeaderNodeId(r.getLeaderNodeId()))
        .build();
  }
}
