package io.cesiumdb.server.fault;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.fault.SetClockRequest;
import io.cesiumdb.proto.fault.SetClockResponse;
import io.cesiumdb.txn.routing.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SetClock: one change to the node's simulated clock; answers with the node's new state. */
final class SetClockHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SetClockHandler.class);

  private final NodeFaults faults;

  SetClockHandler(NodeFaults faults) {
    this.faults = faults;
  }

  SetClockResponse handle(SetClockRequest request) {
    try {
      faults.clock().apply(request);
      LOG.info("fault admin: clock {}", request.toString().replace('\n', ' ').trim());
      return SetClockResponse.newBuilder().setState(faults.state()).build();
    } catch (CesiumException e) {
      return SetClockResponse.newBuilder()
          .setError(ErrorDetails.toDetail(e))
          .setState(faults.state())
          .build();
    }
  }
}
