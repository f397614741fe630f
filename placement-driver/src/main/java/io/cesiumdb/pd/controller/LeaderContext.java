package io.cesiumdb.pd.controller;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.tabletclient.TabletAdmin;
import io.cesiumdb.pd.tabletclient.TabletErrors;
import io.cesiumdb.pd.tabletclient.TabletRoute;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an action of the PD leader (an operator, a split) works with: the PD log and applied state,
 * the tablet admin client, node liveness and the timeouts. Its helpers block the calling thread
 * (the controller's or split flow's own workers, never a gRPC or Ratis thread), always with a
 * bound, and turn every failure into a {@link CesiumException}.
 */
public final class LeaderContext {
  private final MetaLog log;
  private final TabletAdmin tablets;
  private final LivenessPolicy liveness;
  private final ControllerConfig config;

  public LeaderContext(
      MetaLog log, TabletAdmin tablets, LivenessPolicy liveness, ControllerConfig config) {
    this.log = Objects.requireNonNull(log, "log");
    this.tablets = Objects.requireNonNull(tablets, "tablets");
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.config = Objects.requireNonNull(config, "config");
  }

  public MetaLog log() {
    return log;
  }

  public TabletAdmin tablets() {
    return tablets;
  }

  public LivenessPolicy liveness() {
    return liveness;
  }

  public ControllerConfig config() {
    return config;
  }

  /** The tablet as the applied directory holds it now. */
  TabletEntry tablet(long tabletId) {
    return log.read(s -> s.tablet(tabletId))
        .orElseThrow(
            () -> new CesiumException(ErrorCode.TABLET_NOT_FOUND, "no tablet " + tabletId));
  }

  /** The wire descriptor of {@code tablet} (which may differ from the directory's). */
  TabletDescriptor descriptor(TabletEntry tablet) {
    return log.read(s -> s.descriptor(tablet));
  }

  /** The replica descriptor of node {@code nodeId}, addresses from the registry. */
  ReplicaDescriptor replica(String nodeId) {
    NodeEntry node =
        log.read(s -> s.node(nodeId))
            .orElseThrow(
                () -> new CesiumException(ErrorCode.INVALID_ARGUMENT, "unknown node " + nodeId));
    return ReplicaDescriptor.newBuilder()
        .setNodeId(nodeId)
        .setRaftAddress(node.getRaftAddress())
        .setTabletAddress(node.getRpcAddress())
        .build();
  }

  /** The node's liveness now; an unregistered node is DOWN. */
  NodeState stateOf(String nodeId) {
    long now = log.nowMicros();
    return log.read(s -> s.node(nodeId))
        .map(n -> liveness.stateFor(Duration.ofNanos(1000 * (now - n.getLastHeartbeatMicros()))))
        .orElse(NodeState.DOWN);
  }

  /** How to reach the tablet's leader: directory hint first, DOWN replicas last. */
  TabletRoute route(TabletEntry tablet) {
    Set<String> down = new TreeSet<>();
    for (String r : tablet.getReplicasList()) {
      if (stateOf(r) == NodeState.DOWN) {
        down.add(r);
      }
    }
    return new TabletRoute(descriptor(tablet), tablet.getLeaderHint(), down);
  }

  /** Logs {@code command} and returns its payload; a rejected command throws its error. */
  <T> T commit(MetaCommand command, Class<T> type) {
    MetaResult result = await(log.submit(command), commitBound());
    return result.value(type);
  }

  /** Waits for a tablet admin call (leader calls search for up to {@code leaderCallTimeout}). */
  <T> T awaitTablet(CompletableFuture<T> call) {
    return await(call, config.leaderCallTimeout().plus(config.tabletRpcTimeout()));
  }

  private Duration commitBound() {
    return config.leaderCallTimeout().plusSeconds(30);
  }

  static <T> T await(CompletableFuture<T> f, Duration max) {
    try {
      return f.get(max.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw TabletErrors.from(e.getCause(), "placement driver action");
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new CesiumException(ErrorCode.DEADLINE_EXCEEDED, "no answer within " + max, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CesiumException(ErrorCode.SHUTTING_DOWN, "placement driver is stopping", e);
    }
  }

  /** {@code replicas} as descriptors, addresses from the registry. */
  List<ReplicaDescriptor> replicas(List<String> nodeIds) {
    return nodeIds.stream().map(this::replica).toList();
  }
}
