package io.cesiumdb.server.rpc;

import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The PlacementService of a node that runs no PD member: it answers only GetLeader, from what the
 * node's own PD agent last saw (empty fields = no leader known, as a PD member answers), so that
 * {@code cesium start --join} and {@code cesium status --url} may name any node. Every other method
 * is UNIMPLEMENTED: callers go to the leader it names.
 */
public final class PdLeaderRelay extends PlacementServiceGrpc.PlacementServiceImplBase {
  private final Supplier<Optional<PdLeader>> leader;

  public PdLeaderRelay(Supplier<Optional<PdLeader>> leader) {
    this.leader = leader;
  }

  @Override
  public void getLeader(GetLeaderRequest req, StreamObserver<GetLeaderResponse> out) {
    out.onNext(
        leader.get().map(PdLeader::toResponse).orElse(GetLeaderResponse.getDefaultInstance()));
    out.onCompleted();
  }
}
