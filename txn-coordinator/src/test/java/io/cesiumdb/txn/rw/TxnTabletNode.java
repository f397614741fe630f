package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsRequest;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TouchTxnRequest;
import io.cesiumdb.proto.tablet.TouchTxnResponse;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A fake tablet server node on a loopback Netty port for transaction tests. It logs every
 * transaction call it serves ("Read:1:txn:prio:consistency:readTs", "CommitTxn:1:txn:a=2,c=DEL",
 * "PrepareTxn:2:txn:x=2:coord=1:lock", "PrepareTxn:2:txn:x=2:coord=1:locked=lockedTs",
 * "AbortTxn:1:txn", "TouchTxn:1:txn", "NotLeader:CommitTxn"), answers reads from {@link #store},
 * and answers commits from the script {@link #commitAnswers} (an ErrorCode id, "HANG" = never
 * answer; empty = success at commit_ts 1000) and TxnStatus with {@link #statusAnswer} (null = never
 * answer). With {@link #leaderHint} set it is a follower that answers NOT_LEADER naming that
 * address.
 */
final class TxnTabletNode extends TabletServiceGrpc.TabletServiceImplBase implements AutoCloseable {
  /** The lock token every transaction read is answered under (a real leader's is never 0). */
  static final long TXN_TERM = 3L << 40 | 1;

  final String nodeId;
  final List<String> log = new CopyOnWriteArrayList<>();
  final Map<ByteString, ByteString> store = new ConcurrentHashMap<>();
  final Queue<String> commitAnswers = new ConcurrentLinkedQueue<>();
  final Queue<String> prepareAnswers = new ConcurrentLinkedQueue<>();
  volatile TxnStatusResponse statusAnswer =
      TxnStatusResponse.newBuilder().setOutcome(TxnOutcome.ABORTED).build();
  volatile String leaderHint = "";
  final String address;
  private final Server server;

  TxnTabletNode(String nodeId) throws IOException {
    this.nodeId = nodeId;
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(this)
            .build()
            .start();
    address = "127.0.0.1:" + server.getPort();
  }

  ReplicaDescriptor replica() {
    return ReplicaDescriptor.newBuilder()
        .setNodeId(nodeId)
        .setRaftAddress(nodeId + ":raft")
        .setTabletAddress(address)
        .build();
  }

  static TabletDescriptor tablet(
      long id, long keyspace, String start, String end, ReplicaDescriptor... replicas) {
    return TabletDescriptor.newBuilder()
        .setTabletId(id)
        .setKeyspace(keyspace)
        .setStartKey(ByteString.copyFromUtf8(start))
        .setEndKey(ByteString.copyFromUtf8(end))
        .setEpoch(1)
        .addAllReplicas(List.of(replicas))
        .build();
  }

  long count(String prefix) {
    return log.stream().filter(s -> s.startsWith(prefix)).count();
  }

  @Override
  public void read(ReadRequest r, StreamObserver<ReadResponse> out) {
    if (follower("Read", out, ReadResponse.newBuilder()::setError)) {
      return;
    }
    log.add(
        "Read:%d:%s:%d:%s:%d"
            .formatted(
                r.getTabletId(),
                r.getTxn().getTxnId(),
                r.getTxn().getPriorityTs(),
                r.getConsistency(),
                r.getReadTs()));
    ByteString v = store.get(r.getKey());
    reply(
        out,
        ReadResponse.newBuilder()
            .setFound(v != null)
            .setValue(v == null ? ByteString.EMPTY : v)
            .setReadTs(42)
            .setTxnTerm(r.hasTxn() ? TXN_TERM : 0)
            .build());
  }

  @Override
  public void commitTxn(CommitTxnRequest r, StreamObserver<CommitTxnResponse> out) {
    if (follower("CommitTxn", out, CommitTxnResponse.newBuilder()::setError)) {
      return;
    }
    log.add(
        "CommitTxn:%d:%s:%d:%s"
                .formatted(
                    r.getTabletId(),
                    r.getTxn().getTxnId(),
                    r.getTxn().getPriorityTs(),
                    r.getMutationsList().stream()
                        .map(TxnTabletNode::show)
                        .collect(Collectors.joining(",")))
            + (r.getParticipantTabletIdsCount() == 0
                ? ""
                : ":2pc="
                    + r.getParticipantTabletIdsList()
                    + "@"
                    + r.getMinCommitTs()
                    + ":locked="
                    + r.getLockedTs()));
    String answer = commitAnswers.poll();
    if ("HANG".equals(answer)) {
      return; // the client times out after sending: outcome unknown
    }
    CommitTxnResponse.Builder b = CommitTxnResponse.newBuilder();
    if (answer != null) {
      b.setError(ErrorDetail.newBuilder().setCode(answer).setMessage("scripted " + answer));
    } else {
      r.getMutationsList().forEach(m -> store.put(m.getKey(), m.getPut()));
      b.setCommitTs(1000);
    }
    reply(out, b.build());
  }

  @Override
  public void prepareTxn(PrepareTxnRequest r, StreamObserver<PrepareTxnResponse> out) {
    log.add(
        "PrepareTxn:%d:%s:%s:coord=%d%s"
            .formatted(
                r.getTabletId(),
                r.getTxn().getTxnId(),
                r.getMutationsList().stream()
                    .map(TxnTabletNode::show)
                    .collect(Collectors.joining(",")),
                r.getCoordinator().getTabletId(),
                r.getLockOnly() ? ":lock" : ":locked=" + r.getLockedTs()));
    if (r.getLockOnly()) {
      reply(out, PrepareTxnResponse.getDefaultInstance());
      return;
    }
    String answer = prepareAnswers.poll();
    PrepareTxnResponse.Builder b = PrepareTxnResponse.newBuilder();
    if (answer != null) {
      b.setError(ErrorDetail.newBuilder().setCode(answer).setMessage("scripted " + answer));
    } else {
      b.setPrepareTs(900);
    }
    reply(out, b.build());
  }

  @Override
  public void resolveTxn(ResolveTxnRequest r, StreamObserver<ResolveTxnResponse> out) {
    log.add(
        "ResolveTxn:%d:%s:%s:%d"
            .formatted(r.getTabletId(), r.getTxnId(), r.getOutcome(), r.getCommitTs()));
    reply(out, ResolveTxnResponse.getDefaultInstance());
  }

  @Override
  public void forgetTxnDecisions(
      ForgetTxnDecisionsRequest r, StreamObserver<ForgetTxnDecisionsResponse> out) {
    log.add("ForgetTxnDecisions:" + r.getTabletId() + ":" + r.getTxnIdsList());
    reply(out, ForgetTxnDecisionsResponse.getDefaultInstance());
  }

  @Override
  public void txnStatus(TxnStatusRequest r, StreamObserver<TxnStatusResponse> out) {
    log.add("TxnStatus:%d:%s:%s".formatted(r.getTabletId(), r.getTxnId(), r.getAbortIfUnknown()));
    TxnStatusResponse answer = statusAnswer;
    if (answer != null) { // null: never answer
      reply(out, answer);
    }
  }

  @Override
  public void abortTxn(AbortTxnRequest r, StreamObserver<AbortTxnResponse> out) {
    log.add("AbortTxn:" + r.getTabletId() + ":" + r.getTxnId());
    reply(out, AbortTxnResponse.getDefaultInstance());
  }

  @Override
  public void touchTxn(TouchTxnRequest r, StreamObserver<TouchTxnResponse> out) {
    log.add("TouchTxn:" + r.getTabletId() + ":" + r.getTxnId());
    reply(out, TouchTxnResponse.getDefaultInstance());
  }

  private <T> boolean follower(
      String what, StreamObserver<T> out, java.util.function.Function<ErrorDetail, ?> withError) {
    if (leaderHint.isEmpty()) {
      return false;
    }
    log.add("NotLeader:" + what);
    ErrorDetail e =
        ErrorDetail.newBuilder()
            .setCode(ErrorCode.NOT_LEADER.id())
            .setMessage("follower")
            .setNotLeader(NotLeader.newBuilder().setLeaderAddress(leaderHint))
            .build();
    @SuppressWarnings("unchecked")
    T response = (T) ((com.google.protobuf.Message.Builder) withError.apply(e)).build();
    reply(out, response);
    return true;
  }

  private static String show(Mutation m) {
    return m.getKey().toStringUtf8() + "=" + (m.getDelete() ? "DEL" : m.getPut().toStringUtf8());
  }

  private static <T> void reply(StreamObserver<T> out, T response) {
    out.onNext(response);
    out.onCompleted();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
