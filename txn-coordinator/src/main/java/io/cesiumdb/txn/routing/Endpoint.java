package io.cesiumdb.txn.routing;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import java.util.Objects;

/**
 * Where one attempt goes: a node id and the host:port of its tablet RPC. The node id may be empty
 * when a hint named only an address. Equality is by both fields; the router compares addresses when
 * it matters which server answered.
 *
 * @param nodeId the node's id, or empty when unknown
 * @param address the node's tablet RPC address ({@code ReplicaDescriptor.tablet_address})
 */
public record Endpoint(String nodeId, String address) {

  public Endpoint {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(address, "address");
    if (address.isEmpty()) {
      throw new IllegalArgumentException("empty tablet address for node '" + nodeId + "'");
    }
  }

  /** The endpoint of a replica's tablet RPC. */
  public static Endpoint of(ReplicaDescriptor replica) {
    return new Endpoint(replica.getNodeId(), replica.getTabletAddress());
  }

  @Override
  public String toString() {
    return (nodeId.isEmpty() ? "?" : nodeId) + "@" + address;
  }
}
