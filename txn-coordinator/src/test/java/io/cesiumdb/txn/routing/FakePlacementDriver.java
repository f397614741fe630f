package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake placement driver member on a loopback Netty port. As the leader it answers LookupTablet
 * and ListTablets from {@link #tablets}; as a follower it answers NOT_LEADER with {@link
 * #leaderAddress} as the hint; when down it answers UNAVAILABLE. GetLeader always answers {@link
 * #getLeaderAnswer}.
 */
public final class FakePlacementDriver extends PlacementServiceGrpc.PlacementServiceImplBase
    implements AutoCloseable {
  enum Role {
    LEADER,
    FOLLOWER,
    DOWN
  }

  public volatile List<TabletDescriptor> tablets = List.of();
  volatile Role role = Role.LEADER;
  volatile String leaderAddress = "";
  public volatile String getLeaderAnswer = "";
  final AtomicInteger lookupsServed = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();

  private final Server server;
  public final String address;

  public FakePlacementDriver() throws IOException {
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(this)
            .build()
            .start();
    address = "127.0.0.1:" + server.getPort();
  }

  @Override
  public void lookupTablet(LookupTabletRequest r, StreamObserver<LookupTabletResponse> out) {
    calls.incrementAndGet();
    ErrorDetail e = refusal();
    LookupTabletResponse.Builder b = LookupTabletResponse.newBuilder();
    if (e != null) {
      b.setError(e);
    } else {
      TabletDescriptor d =
          tablets.stream()
              .filter(t -> t.getKeyspace() == r.getKeyspace() && KeyRanges.contains(t, r.getKey()))
              .findFirst()
              .orElse(null);
      if (d == null) {
        b.setError(
            ErrorDetail.newBuilder().setCode(ErrorCode.TABLET_NOT_FOUND.id()).setMessage("none"));
      } else {
        lookupsServed.incrementAndGet();
        b.setTablet(d);
      }
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void listTablets(ListTabletsRequest r, StreamObserver<ListTabletsResponse> out) {
    calls.incrementAndGet();
    ErrorDetail e = refusal();
    ListTabletsResponse.Builder b = ListTabletsResponse.newBuilder();
    if (e != null) {
      b.setError(e);
    } else {
      tablets.stream().filter(t -> t.getKeyspace() == r.getTableId()).forEach(b::addTablets);
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getLeader(GetLeaderRequest r, StreamObserver<GetLeaderResponse> out) {
    out.onNext(GetLeaderResponse.newBuilder().setLeaderAddress(getLeaderAnswer).build());
    out.onCompleted();
  }

  private ErrorDetail refusal() {
    return switch (role) {
      case LEADER -> null;
      case FOLLOWER ->
          ErrorDetail.newBuilder()
              .setCode(ErrorCode.NOT_LEADER.id())
              .setMessage("not the PD leader")
              .setNotLeader(NotLeader.newBuilder().setLeaderAddress(leaderAddress))
              .build();
      case DOWN ->
          ErrorDetail.newBuilder()
              .setCode(ErrorCode.UNAVAILABLE.id())
              .setMessage("PD has no quorum")
              .build();
    };
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
