package io.cesiumdb.server.fault;

import io.cesiumdb.proto.fault.GetFaultsRequest;
import io.cesiumdb.proto.fault.GetFaultsResponse;

/** GetFaults: the node's current clock and link faults. */
final class GetFaultsHandler {
  private final NodeFaults faults;

  GetFaultsHandler(NodeFaults faults) {
    this.faults = faults;
  }

  GetFaultsResponse handle(GetFaultsRequest request) {
    return GetFaultsResponse.newBuilder().setState(faults.state()).build();
  }
}
