package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted TabletService replica. Each RPC runs a replaceable behaviour: return a response, throw
 * a {@link StatusRuntimeException} (the call fails with that status), or return null (the call
 * hangs until the client gives up). By default it acts as a healthy leader whose answers name this
 * node (read value = node id), so a test can tell who served a request.
 */
final class FakeTablet extends TabletServiceGrpc.TabletServiceImplBase {
  final String nodeId;
  final String address;
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger scans = new AtomicInteger();
  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger statuses = new AtomicInteger();

  /** The caller-node header of every call, "none" when absent. */
  final List<String> callers = new CopyOnWriteArrayList<>();

  /** One entry per call as it arrives: "Read", "Write"... Tests wait on it instead of sleeping. */
  final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();

  volatile Function<ReadRequest, ReadResponse> onRead;
  volatile Function<ScanRequest, ScanResponse> onScan;
  volatile Function<WriteRequest, WriteResponse> onWrite;
  volatile Function<StatusRequest, StatusResponse> onStatus;

  FakeTablet(String nodeId, String address) {
    this.nodeId = nodeId;
    this.address = address;
    actAsLeader();
  }

  /** Serves everything as the leader. */
  FakeTablet actAsLeader() {
    onRead = r -> ReadResponse.newBuilder().setFound(true).setValue(utf8(nodeId)).build();
    onScan = r -> ScanResponse.newBuilder().setReadTs(1).build();
    onWrite = r -> WriteResponse.newBuilder().setCommitTs(100).setLogIndex(writes.get()).build();
    onStatus = r -> status(true, nodeId);
    return this;
  }

  /** Answers reads, scans and writes with NOT_LEADER naming {@code leader} (null: no hint). */
  FakeTablet actAsFollowerOf(FakeTablet leader) {
    ErrorDetail e = notLeader(leader);
    onRead = r -> ReadResponse.newBuilder().setError(e).build();
    onScan = r -> ScanResponse.newBuilder().setError(e).build();
    onWrite = r -> WriteResponse.newBuilder().setError(e).build();
    onStatus = r -> status(false, leader == null ? "" : leader.nodeId);
    return this;
  }

  StatusResponse status(boolean isLeader, String leaderNodeId) {
    return StatusResponse.newBuilder()
        .setNodeId(nodeId)
        .setIsLeader(isLeader)
        .setLeaderNodeId(leaderNodeId)
        .setAppliedIndex(7)
        .build();
  }

  ErrorDetail notLeader(FakeTablet leader) {
    NotLeader.Builder hint = NotLeader.newBuilder().setTabletId(FakeCluster.TABLET_ID);
    if (leader != null) {
      hint.setLeaderNodeId(leader.nodeId).setLeaderAddress(leader.address);
    }
    return ErrorDetail.newBuilder()
        .setCode(ErrorCode.NOT_LEADER.id())
        .setMessage(nodeId + " is not the leader")
        .setNotLeader(hint)
        .build();
  }

  /** The next call's arrival, waiting up to 5 s; fails the test if none comes. */
  String awaitArrival() throws InterruptedException {
    String rpc = arrivals.poll(5, TimeUnit.SECONDS);
    if (rpc == null) {
      throw new AssertionError(nodeId + ": no call arrived within 5 s");
    }
    return rpc;
  }

  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Override
  public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
    reads.incrementAndGet();
    serve("Read", onRead, request, out);
  }

  @Override
  public void scan(ScanRequest request, StreamObserver<ScanResponse> out) {
    scans.incrementAndGet();
    serve("Scan", onScan, request, out);
  }

  @Override
  public void write(WriteRequest request, StreamObserver<WriteResponse> out) {
    writes.incrementAndGet();
    serve("Write", onWrite, request, out);
  }

  @Override
  public void status(StatusRequest request, StreamObserver<StatusResponse> out) {
    statuses.incrementAndGet();
    serve("Status", onStatus, request, out);
  }

  private <Q, S> void serve(
      String rpc, Function<Q, S> behaviour, Q request, StreamObserver<S> out) {
    arrivals.add(rpc);
    S response;
    try {
      response = behaviour.apply(request);
    } catch (StatusRuntimeException e) {
      out.onError(e);
      return;
    }
    if (response == null) {
      return; // hang: the client's deadline ends the call
    }
    out.onNext(response);
    out.onCompleted();
  }
}
