package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.TabletMoved;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake tablet server node on a loopback Netty port that checks ranges like the real one: it hosts
 * tablets (descriptors, replaceable to simulate a split) over one store shared by its tablets (a
 * split copies nothing). Out-of-range keys (read key, non-empty scan start, any write key) answer
 * TABLET_MOVED with the tablet's current descriptor; an unhosted tablet id answers
 * TABLET_NOT_FOUND; scans clip to the tablet's range and page at {@link #pageLimit} rows.
 */
final class RangeTabletNode extends TabletServiceGrpc.TabletServiceImplBase
    implements AutoCloseable {
  final String nodeId;
  final Map<Long, TabletDescriptor> hosted = new ConcurrentHashMap<>();
  final NavigableMap<ByteString, ByteString> store = new ConcurrentSkipListMap<>(KeyRanges.ORDER);

  /** "Read:2", "Write:1", "Scan:1", "Status:1", "Moved:1", ...: what was served, in order. */
  final List<String> log = new CopyOnWriteArrayList<>();

  final AtomicInteger scansServed = new AtomicInteger();
  volatile int pageLimit = 1000;

  /** Runs as each successful scan page is answered, with the number of pages served so far. */
  volatile java.util.function.IntConsumer afterScanPage = n -> {};

  private final Server server;
  final String address;

  RangeTabletNode(String nodeId) throws IOException {
    this.nodeId = nodeId;
    this.server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(this)
            .build()
            .start();
    this.address = "127.0.0.1:" + server.getPort();
  }

  ReplicaDescriptor replica() {
    return ReplicaDescriptor.newBuilder()
        .setNodeId(nodeId)
        .setRaftAddress(nodeId + ":raft")
        .setTabletAddress(address)
        .build();
  }

  /** A descriptor of {@code keyspace} hosted on this node alone. */
  TabletDescriptor tablet(long id, long keyspace, String start, String end, long epoch) {
    return TabletDescriptor.newBuilder()
        .setTabletId(id)
        .setKeyspace(keyspace)
        .setStartKey(ByteString.copyFromUtf8(start))
        .setEndKey(ByteString.copyFromUtf8(end))
        .setEpoch(epoch)
        .addReplicas(replica())
        .build();
  }

  void host(TabletDescriptor d) {
    hosted.put(d.getTabletId(), d);
  }

  void put(String key, String value) {
    store.put(ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value));
  }

  @Override
  public void read(ReadRequest r, StreamObserver<ReadResponse> out) {
    ErrorDetail e = check(r.getTabletId(), List.of(r.getKey()));
    if (e != null) {
      reply(out, ReadResponse.newBuilder().setError(e).build());
      return;
    }
    log.add("Read:" + r.getTabletId());
    ByteString v = store.get(r.getKey());
    reply(
        out,
        ReadResponse.newBuilder()
            .setFound(v != null)
            .setValue(v == null ? ByteString.EMPTY : v)
            .setReadTs(42)
            .build());
  }

  @Override
  public void write(WriteRequest r, StreamObserver<WriteResponse> out) {
    ErrorDetail e =
        check(r.getTabletId(), r.getMutationsList().stream().map(Mutation::getKey).toList());
    if (e != null) {
      reply(out, WriteResponse.newBuilder().setError(e).build());
      return;
    }
    log.add("Write:" + r.getTabletId());
    for (Mutation m : r.getMutationsList()) {
      store.put(m.getKey(), m.getPut());
    }
    reply(out, WriteResponse.newBuilder().setCommitTs(100).build());
  }

  @Override
  public void scan(ScanRequest r, StreamObserver<ScanResponse> out) {
    List<ByteString> start = r.getStartKey().isEmpty() ? List.of() : List.of(r.getStartKey());
    ErrorDetail e = check(r.getTabletId(), start);
    if (e != null) {
      reply(out, ScanResponse.newBuilder().setError(e).build());
      return;
    }
    log.add("Scan:" + r.getTabletId());
    TabletDescriptor d = hosted.get(r.getTabletId());
    ByteString from = KeyRanges.max(r.getStartKey(), d.getStartKey());
    ByteString to = KeyRanges.minEnd(r.getEndKey(), d.getEndKey());
    int limit = r.getLimit() == 0 ? pageLimit : Math.min(r.getLimit(), pageLimit);
    ScanResponse.Builder b =
        ScanResponse.newBuilder().setReadTs(r.getReadTs() == 0 ? 42 : r.getReadTs());
    for (Map.Entry<ByteString, ByteString> kv : store.tailMap(from, true).entrySet()) {
      if (!KeyRanges.beforeEnd(kv.getKey(), to)) {
        break;
      }
      if (b.getRowsCount() == limit) {
        b.setResumeKey(kv.getKey());
        break;
      }
      b.addRows(Row.newBuilder().setKey(kv.getKey()).setValue(kv.getValue()));
    }
    if (b.getResumeKey().isEmpty() && clipped(r.getEndKey(), d.getEndKey())) {
      b.setResumeKey(d.getEndKey()); // the real ScanHandler's contract: asked beyond, told the end
    }
    afterScanPage.accept(scansServed.incrementAndGet()); // before the reply: no race with page 2
    reply(out, b.build());
  }

  private static boolean clipped(ByteString askedEnd, ByteString tabletEnd) {
    return !tabletEnd.isEmpty()
        && (askedEnd.isEmpty() || KeyRanges.ORDER.compare(askedEnd, tabletEnd) > 0);
  }

  @Override
  public void status(StatusRequest r, StreamObserver<StatusResponse> out) {
    TabletDescriptor d = hosted.get(r.getTabletId());
    if (d == null) {
      reply(out, StatusResponse.newBuilder().setError(notFound(r.getTabletId())).build());
      return;
    }
    log.add("Status:" + r.getTabletId());
    reply(
        out,
        StatusResponse.newBuilder()
            .setNodeId(nodeId)
            .setIsLeader(true)
            .setLeaderNodeId(nodeId)
            .setTablet(d)
            .build());
  }

  private ErrorDetail check(long tabletId, List<ByteString> keys) {
    TabletDescriptor d = hosted.get(tabletId);
    if (d == null) {
      log.add("NotFound:" + tabletId);
      return notFound(tabletId);
    }
    for (ByteString k : keys) {
      if (!KeyRanges.contains(d, k)) {
        log.add("Moved:" + tabletId);
        return ErrorDetail.newBuilder()
            .setCode(ErrorCode.TABLET_MOVED.id())
            .setMessage("key outside tablet " + tabletId + " range")
            .setTabletMoved(
                TabletMoved.newBuilder()
                    .setTabletId(tabletId)
                    .setCurrentEpoch(d.getEpoch())
                    .setCurrent(d))
            .build();
      }
    }
    return null;
  }

  private static ErrorDetail notFound(long tabletId) {
    return ErrorDetail.newBuilder()
        .setCode(ErrorCode.TABLET_NOT_FOUND.id())
        .setMessage("tablet " + tabletId + " not hosted here")
        .build();
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
