package io.cesiumdb.server.fault;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.fault.SetLinkFaultsRequest;
import io.cesiumdb.proto.fault.SetLinkFaultsResponse;
import io.cesiumdb.txn.routing.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SetLinkFaults: replaces the node's whole set of link faults (empty heals). */
final class SetLinkFaultsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SetLinkFaultsHandler.class);

  private final NodeFaults faults;

  SetLinkFaultsHandler(NodeFaults faults) {
    this.faults = faults;
  }

  SetLinkFaultsResponse handle(SetLinkFaultsRequest request) {
    try {
      faults.links().replace(request);
      LOG.info(
          "fault admin: {} dropped and {} delayed links",
          request.getDropsCount(),
          request.getDelaysCount());
      return SetLinkFaultsResponse.newBuilder().setState(faults.state()).build();
    } catch (CesiumException e) {
      return SetLinkFaultsResponse.newBuilder()
          .setError(ErrorDetails.toDetail(e))
          .setState(faults.state())
          .build();
    }
  }
}
