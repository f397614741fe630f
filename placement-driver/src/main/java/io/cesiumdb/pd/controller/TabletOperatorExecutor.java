package io.cesiumdb.pd.controller;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorExecutor;
import io.cesiumdb.pd.operator.Step;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.UpdateLeader;
import io.cesiumdb.proto.placement.UpdateReplicas;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs operators against the real cluster, one step at a time, and commits each step's directory
 * change through the PD log once the tablet group made it:
 *
 * <ul>
 *   <li><b>AddReplica(X)</b>: X must be UP and not hold the tablet; CreateReplica on X with the
 *       descriptor whose replicas are current + X, ChangeReplicas at the leader with that set,
 *       commit UpdateReplicas.
 *   <li><b>RemoveReplica(D)</b>: if D is the directory's leader, TransferLeader to another replica
 *       (UP ones first) and commit UpdateLeader; ChangeReplicas at the leader with current − D,
 *       commit UpdateReplicas; then RemoveReplica on D, best effort, only if D is not DOWN.
 *   <li><b>TransferLeader(from, to)</b>: TransferLeader at the leader, commit UpdateLeader.
 * </ul>
 *
 * Before every step the directory's epoch must equal the one the step was planned for (the
 * operator's epoch, then the epoch each committed UpdateReplicas produced); otherwise the operator
 * is stale and fails with TABLET_MOVED without running the step; a member that no longer leads the
 * PD stops before the next step (NOT_LEADER). Steps block one thread of {@code runner} each,
 * bounded by the tablet RPC and PD log deadlines.
 */
public final class TabletOperatorExecutor implements OperatorExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(TabletOperatorExecutor.class);

  private final LeaderContext ctx;
  private final Executor runner;

  public TabletOperatorExecutor(LeaderContext ctx, Executor runner) {
    this.ctx = ctx;
    this.runner = runner;
  }

  @Override
  public CompletableFuture<Void> execute(Operator operator) {
    try {
      return CompletableFuture.runAsync(() -> run(operator), runner);
    } catch (RuntimeException rejected) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "operator executor is stopping", rejected));
    }
  }

  private void run(Operator op) {
    long epoch = op.epoch();
    for (Step step : op.steps()) {
      if (!ctx.log().isLeader()) {
        throw new CesiumException(
            ErrorCode.NOT_LEADER, "operator " + op.id() + " stopped: no longer the PD leader");
      }
      TabletEntry tablet = atEpoch(op, epoch);
      LOG.debug("operator {}: step {} at epoch {}", op.id(), step, epoch);
      if (step instanceof Step.AddReplica add) {
        epoch = addReplica(tablet, add.node());
      } else if (step instanceof Step.RemoveReplica remove) {
        epoch = removeReplica(tablet, remove.node());
      } else {
        transferLeader(tablet, (Step.TransferLeader) step);
      }
    }
  }

  private TabletEntry atEpoch(Operator op, long epoch) {
    TabletEntry tablet = ctx.tablet(op.tabletId());
    if (tablet.getEpoch() != epoch) {
      throw CesiumException.retry(
          ErrorCode.TABLET_MOVED,
          "operator " + op.id() + " is stale: tablet is at epoch " + tablet.getEpoch(),
          new RetryHint.TabletMoved(Long.toString(op.tabletId()), epoch, tablet.getEpoch()));
    }
    return tablet;
  }

  private long addReplica(TabletEntry tablet, String node) {
    if (tablet.getReplicasList().contains(node)) {
      throw invalid("node " + node + " already holds tablet " + tablet.getTabletId());
    }
    if (ctx.stateOf(node) != NodeState.UP) {
      throw new CesiumException(
          ErrorCode.UNAVAILABLE, "node " + node + " is " + ctx.stateOf(node) + ", not UP");
    }
    List<String> next = new ArrayList<>(tablet.getReplicasList());
    next.add(node);
    TabletEntry grown = tablet.toBuilder().clearReplicas().addAllReplicas(next).build();
    ctx.awaitTablet(ctx.tablets().createReplica(ctx.replica(node), ctx.descriptor(grown)));
    ctx.awaitTablet(ctx.tablets().changeReplicas(ctx.route(tablet), ctx.replicas(next)));
    return commitReplicas(tablet, next);
  }

  private long removeReplica(TabletEntry tablet, String node) {
    List<String> next = new ArrayList<>(tablet.getReplicasList());
    if (!next.remove(node) || next.isEmpty()) {
      throw invalid("cannot remove " + node + " from tablet " + tablet.getTabletId() + " " + next);
    }
    if (node.equals(tablet.getLeaderHint())) {
      tablet = transfer(tablet, node, successor(next));
    }
    ctx.awaitTablet(ctx.tablets().changeReplicas(ctx.route(tablet), ctx.replicas(next)));
    long epoch = commitReplicas(tablet, next);
    if (ctx.stateOf(node) != NodeState.DOWN) {
      removeBestEffort(tablet.getTabletId(), node);
    }
    return epoch;
  }

  private void transferLeader(TabletEntry tablet, Step.TransferLeader step) {
    if (!tablet.getReplicasList().contains(step.to())) {
      throw invalid(step.to() + " holds no replica of tablet " + tablet.getTabletId());
    }
    // The operator names the leader it planned from: ask there first.
    TabletEntry routed =
        tablet.getReplicasList().contains(step.from())
            ? tablet.toBuilder().setLeaderHint(step.from()).build()
            : tablet;
    transfer(routed, step.from(), step.to());
  }

  /** TransferLeader at the leader, then commit the new hint; returns the tablet as committed. */
  private TabletEntry transfer(TabletEntry tablet, String from, String to) {
    ctx.awaitTablet(ctx.tablets().transferLeader(ctx.route(tablet), to));
    LOG.info("tablet {}: leadership moved {} -> {}", tablet.getTabletId(), from, to);
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setUpdateLeader(
                UpdateLeader.newBuilder().setTabletId(tablet.getTabletId()).setLeaderHint(to))
            .build();
    return ctx.commit(cmd, TabletEntry.class);
  }

  /** The replica to hand leadership to: the first UP one, else the first. */
  private String successor(List<String> remaining) {
    return remaining.stream()
        .filter(n -> ctx.stateOf(n) == NodeState.UP)
        .findFirst()
        .orElse(remaining.get(0));
  }

  private long commitReplicas(TabletEntry tablet, List<String> replicas) {
    MetaCommand cmd =
        MetaCommand.newBuilder()
            .setUpdateReplicas(
                UpdateReplicas.newBuilder()
                    .setTabletId(tablet.getTabletId())
                    .setExpectedEpoch(tablet.getEpoch())
                    .addAllReplicas(replicas))
            .build();
    TabletEntry committed = ctx.commit(cmd, TabletEntry.class);
    LOG.info(
        "tablet {}: replicas {} at epoch {}",
        tablet.getTabletId(),
        committed.getReplicasList(),
        committed.getEpoch());
    return committed.getEpoch();
  }

  private void removeBestEffort(long tabletId, String node) {
    try {
      ctx.awaitTablet(ctx.tablets().removeReplica(ctx.replica(node), tabletId));
    } catch (RuntimeException e) {
      LOG.warn("tablet {}: removing the replica on {} failed (ignored): {}", tabletId, node, e);
    }
  }

  private static CesiumException invalid(String message) {
    return new CesiumException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
