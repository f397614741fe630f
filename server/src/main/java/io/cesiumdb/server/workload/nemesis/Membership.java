package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.node.DescribeRequest;
import io.cesiumdb.proto.node.DescribeResponse;
import io.cesiumdb.proto.node.NodeServiceGrpc;
import io.cesiumdb.proto.placement.ListNodesRequest;
import io.cesiumdb.proto.placement.ListNodesResponse;
import io.cesiumdb.server.rpc.PdClient;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's nodes as the nemeses see them, discovered from the run's seed addresses: the
 * placement driver's node registry (ListNodes) when there is one, plus {@code Describe} at every
 * seed (which is all a cluster without a placement driver offers). Discovered once, at the first
 * fault, and kept: a node killed later must still be healed and restarted by its id.
 */
final class Membership {
  private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
  static final Duration CALL_DEADLINE = Duration.ofSeconds(3);

  /** One node: its id and RPC address ({@code host:port}). */
  record NodeRef(String nodeId, String rpcAddress) {}

  private final List<String> seeds;
  private List<NodeRef> nodes = List.of();

  Membership(List<String> seeds) {
    this.seeds = List.copyOf(seeds);
  }

  /**
   * Every known node, ordered by id.
   *
   * @throws IllegalStateException when no seed answers
   */
  synchronized List<NodeRef> nodes() {
    if (nodes.isEmpty()) {
      Map<String, NodeRef> found = new TreeMap<>();
      registry().forEach(n -> found.put(n.nodeId(), n));
      seeds.forEach(s -> describe(s).forEach(n -> found.putIfAbsent(n.nodeId(), n)));
      if (found.isEmpty()) {
        throw new IllegalStateException("no node answered at the seeds " + seeds);
      }
      nodes = found.values().stream().sorted(Comparator.comparing(NodeRef::nodeId)).toList();
      LOG.info("nemesis membership: {}", nodes);
    }
    return nodes;
  }

  /** The address of node {@code nodeId}. */
  String address(String nodeId) {
    return nodes().stream()
        .filter(n -> n.nodeId().equals(nodeId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown node " + nodeId))
        .rpcAddress();
  }

  /** The seed addresses (where the placement driver is asked). */
  List<String> seeds() {
    return seeds;
  }

  private List<NodeRef> registry() {
    try (PdClient pd = new PdClient("nemesis", seeds, CALL_DEADLINE)) {
      ListNodesResponse r =
          pd.call(s -> s.listNodes(ListNodesRequest.getDefaultInstance()), x -> x.getError());
      List<NodeRef> out = new ArrayList<>();
      r.getNodesList().forEach(n -> out.add(new NodeRef(n.getNodeId(), n.getRpcAddress())));
      return out;
    } catch (CesiumException e) {
      LOG.debug("no placement driver registry at {}: {}", seeds, e.getMessage());
      return List.of();
    }
  }

  private static List<NodeRef> describe(String seed) {
    ManagedChannel ch = Grpc.newChannelBuilder(seed, InsecureChannelCredentials.create()).build();
    try {
      DescribeResponse r =
          NodeServiceGrpc.newBlockingStub(ch)
              .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
              .describe(DescribeRequest.getDefaultInstance());
      return List.of(new NodeRef(r.getNodeId(), seed));
    } catch (StatusRuntimeException e) {
      LOG.warn("seed {} did not answer Describe: {}", seed, e.getStatus());
      return List.of();
    } finally {
      ch.shutdownNow();
    }
  }
}
