package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.NodeEntry;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registered nodes by id, sorted. Mutated only by handlers. */
final class NodeRegistry {
  private final Map<String, NodeEntry> nodes = new TreeMap<>();

  Optional<NodeEntry> node(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  Collection<NodeEntry> all() {
    return Collections.unmodifiableCollection(nodes.values());
  }

  void put(NodeEntry node) {
    nodes.put(node.getNodeId(), node);
  }
}
