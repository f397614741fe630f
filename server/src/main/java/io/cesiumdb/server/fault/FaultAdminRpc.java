package io.cesiumdb.server.fault;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.fault.FaultAdminServiceGrpc;
import io.cesiumdb.proto.fault.GetFaultsRequest;
import io.cesiumdb.proto.fault.GetFaultsResponse;
import io.cesiumdb.proto.fault.SetClockRequest;
import io.cesiumdb.proto.fault.SetClockResponse;
import io.cesiumdb.proto.fault.SetLinkFaultsRequest;
import io.cesiumdb.proto.fault.SetLinkFaultsResponse;
import io.cesiumdb.truetime.SimulatedClock;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC face of {@code FaultAdminService}: one handler per request over the node's {@link
 * SimulatedClock} and {@link FaultPlan}. Exists only on nodes with a simulated clock: the type of
 * the constructor argument is the guard, and the node registers it only then. Handlers never block.
 */
public final class FaultAdminRpc extends FaultAdminServiceGrpc.FaultAdminServiceImplBase {
  private final SetClockHandler setClock;
  private final SetLinkFaultsHandler setLinks;
  private final GetFaultsHandler getFaults;

  /** The admin of node {@code nodeId}, acting on its clock and the plan its transports consult. */
  public FaultAdminRpc(String nodeId, SimulatedClock clock, FaultPlan plan) {
    NodeFaults faults = new NodeFaults(nodeId, clock, plan);
    this.setClock = new SetClockHandler(faults);
    this.setLinks = new SetLinkFaultsHandler(faults);
    this.getFaults = new GetFaultsHandler(faults);
  }

  @Override
  public void setClock(SetClockRequest request, StreamObserver<SetClockResponse> out) {
    out.onNext(setClock.handle(request));
    out.onCompleted();
  }

  @Override
  public void setLinkFaults(
      SetLinkFaultsRequest request, StreamObserver<SetLinkFaultsResponse> out) {
    out.onNext(setLinks.handle(request));
    out.onCompleted();
  }

  @Override
  public void getFaults(GetFaultsRequest request, StreamObserver<GetFaultsResponse> out) {
    out.onNext(getFaults.handle(request));
    out.onCompleted();
  }
}
