package io.cesiumdb.server.rpc;

import io.cesiumdb.proto.node.DescribeRequest;
import io.cesiumdb.proto.node.DescribeResponse;
import io.cesiumdb.proto.node.NodeServiceGrpc;
import io.cesiumdb.proto.node.SampleClockRequest;
import io.cesiumdb.proto.node.SampleClockResponse;
import io.cesiumdb.server.BuildInfo;
import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TrueTime;
import io.grpc.stub.StreamObserver;
import java.util.function.IntSupplier;

/** Serves {@code NodeService}: clock samples for peers' offset monitors, and identity. */
final class NodeServiceImpl extends NodeServiceGrpc.NodeServiceImplBase {
  private final String nodeId;
  private final TrueTime trueTime;
  private final boolean clockSimulated;
  private final IntSupplier port;

  NodeServiceImpl(String nodeId, TrueTime trueTime, boolean clockSimulated, IntSupplier port) {
    this.nodeId = nodeId;
    this.trueTime = trueTime;
    this.clockSimulated = clockSimulated;
    this.port = port;
  }

  /** Reads TrueTime as the request arrives: the caller brackets it with its own readings. */
  @Override
  public void sampleClock(SampleClockRequest req, StreamObserver<SampleClockResponse> out) {
    TTInterval now = trueTime.now();
    out.onNext(
        SampleClockResponse.newBuilder()
            .setNodeId(nodeId)
            .setEarliestMicros(now.earliest())
            .setLatestMicros(now.latest())
            .build());
    out.onCompleted();
  }

  @Override
  public void describe(DescribeRequest req, StreamObserver<DescribeResponse> out) {
    out.onNext(
        DescribeResponse.newBuilder()
            .setNodeId(nodeId)
            .setVersion(BuildInfo.version())
            .setRpcPort(port.getAsInt())
            .setClockSimulated(clockSimulated)
            .build());
    out.onCompleted();
  }
}
