package io.cesiumdb.tablet.cluster;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.CreateReplicaResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.tablet.RaftTuning;
import io.cesiumdb.tablet.TabletServerConfig;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * An in-process cluster of N nodes ({@code n1..nN}) on loopback ports with temp data dirs, sharing
 * one {@link FaultPlan} (the Ratis interceptor of each node consults it). The fixture every later
 * issue builds on: create tablets on chosen nodes, find leaders, halt and restart nodes, cut links.
 */
public final class TestCluster implements AutoCloseable {
  public static final Duration AWAIT = Duration.ofSeconds(20);

  private final List<TestNode> nodes;
  private final FaultPlan faults;

  private TestCluster(List<TestNode> nodes, FaultPlan faults) {
    this.nodes = nodes;
    this.faults = faults;
  }

  /** Starts {@code n} nodes with data dirs under {@code root}. */
  public static TestCluster start(Path root, int n, RaftTuning tuning) {
    return start(root, n, tuning, c -> c);
  }

  /** Starts {@code n} nodes, each config passed through {@code customize} first. */
  public static TestCluster start(
      Path root, int n, RaftTuning tuning, UnaryOperator<TabletServerConfig> customize) {
    FaultPlan faults = new FaultPlan();
    List<TestNode> nodes = new ArrayList<>();
    try {
      for (int i = 1; i <= n; i++) {
        String id = "n" + i;
        nodes.add(
            new TestNode(
                    customize.apply(
                        new TabletServerConfig(
                            id, "127.0.0.1", 0, root.resolve(id), tuning, faults)))
                .start());
      }
    } catch (RuntimeException e) {
      nodes.forEach(TestNode::halt);
      throw e;
    }
    return new TestCluster(nodes, faults);
  }

  public List<TestNode> nodes() {
    return nodes;
  }

  public TestNode node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  public FaultPlan faults() {
    return faults;
  }

  public List<String> nodeIds() {
    return nodes.stream().map(TestNode::id).toList();
  }

  /** The descriptor of a tablet over [start, end) of {@code keyspace} replicated on {@code on}. */
  public TabletDescriptor descriptor(
      long tabletId, long keyspace, String start, String end, List<TestNode> on) {
    TabletDescriptor.Builder d =
        TabletDescriptor.newBuilder()
            .setTabletId(tabletId)
            .setKeyspace(keyspace)
            .setStartKey(ByteString.copyFromUtf8(start))
            .setEndKey(ByteString.copyFromUtf8(end))
            .setEpoch(1);
    for (TestNode n : on) {
      d.addReplicas(
          ReplicaDescriptor.newBuilder()
              .setNodeId(n.id())
              .setRaftAddress(n.raftAddress())
              .setTabletAddress(n.tabletAddress()));
    }
    return d.build();
  }

  /** Creates a tablet on every node (through the RPC) and waits for its leader. */
  public TabletDescriptor createTablet(long tabletId, long keyspace, String start, String end) {
    TabletDescriptor d = descriptor(tabletId, keyspace, start, end, nodes);
    createTablets(List.of(d));
    return d;
  }

  /**
   * Creates every tablet on the nodes its descriptor lists, then waits for all their leaders: the
   * groups elect in parallel, which keeps tests that need many tablets fast.
   */
  public void createTablets(List<TabletDescriptor> tablets) {
    for (TabletDescriptor d : tablets) {
      for (var replica : d.getReplicasList()) {
        CreateReplicaResponse r =
            node(replica.getNodeId())
                .stub()
                .createReplica(CreateReplicaRequest.newBuilder().setTablet(d).build());
        if (r.hasError()) {
          throw new AssertionError("CreateReplica on " + replica.getNodeId() + ": " + r.getError());
        }
      }
    }
    tablets.forEach(d -> leader(d.getTabletId()));
  }

  /** Waits until some running node leads {@code tabletId}; returns it. */
  public TestNode leader(long tabletId) {
    return Poll.value(AWAIT, "a leader of tablet " + tabletId, () -> currentLeader(tabletId));
  }

  /** The running node that believes it leads {@code tabletId} right now, if any. */
  public Optional<TestNode> currentLeader(long tabletId) {
    return nodes.stream()
        .filter(n -> n.replica(tabletId).map(ReplicaInfo::leader).orElse(false))
        .findFirst();
  }

  /** Running nodes other than the current leader of {@code tabletId}. */
  public List<TestNode> followers(long tabletId) {
    TestNode leader = leader(tabletId);
    return nodes.stream().filter(n -> n != leader && n.isRunning()).toList();
  }

  /**
   * Asks {@code from}, the leader of {@code tabletId}, to hand leadership to a follower; waits
   * until another node leads and is ready (has applied its predecessors' entries) and returns it.
   */
  public TestNode transferLeader(long tabletId, TestNode from) {
    TestNode target = followers(tabletId).get(0);
    from.stub()
        .transferLeader(
            TransferLeaderRequest.newBuilder()
                .setTabletId(tabletId)
                .setTargetNodeId(target.id())
                .build());
    return Poll.value(
        AWAIT,
        "a new leader of tablet " + tabletId,
        () ->
            currentLeader(tabletId)
                .filter(n -> n != from)
                .filter(n -> n.replica(tabletId).map(ReplicaInfo::leaderReady).orElse(false)));
  }

  /** Waits until every running replica of the tablet applied at least {@code index}. */
  public void awaitApplied(long tabletId, long index) {
    for (TestNode n : nodes) {
      if (n.isRunning()) {
        Poll.until(
            AWAIT,
            n.id() + " applying tablet " + tabletId + " up to " + index,
            () -> n.replica(tabletId).map(r -> r.appliedIndex() >= index).orElse(false));
      }
    }
  }

  public TabletClient client() {
    return new TabletClient(this);
  }

  public int size() {
    return nodes.size();
  }

  /** Node indexes 0..n-1, for tests that pick nodes by position. */
  public IntStream indexes() {
    return IntStream.range(0, nodes.size());
  }

  @Override
  public void close() {
    faults.heal();
    for (TestNode n : nodes) {
      try {
        n.halt();
      } catch (RuntimeException e) {
        // keep stopping the others
      }
    }
  }
}
