package io.cesiumdb.pd.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of the PD leader's operator controller, split flow and tablet admin client. The dead-node
 * timeout is not here: it is the liveness policy's {@code downAfter} (see {@code
 * PlacementDriverConfig.withDeadNodeTimeout}).
 *
 * @param enabled whether the controller runs at all (default on); off = no repair, balance or
 *     auto-split, but SplitTablet requests still work
 * @param scheduleInterval time between two scheduling rounds on the PD leader (default 1 s)
 * @param maxInFlightOperators operators and auto-splits running at once (default 4); never more
 *     than one per tablet
 * @param splitThresholdBytes a tablet whose leader reports more than this is split in two (default
 *     64 MiB); 0 disables auto-split
 * @param tabletRpcTimeout deadline of one tablet admin RPC (default 10 s); a call that must find
 *     the tablet's leader keeps trying other replicas for three times as long
 * @param replicaReportGrace how long a replica may go unreported by its UP node (lost replica →
 *     replaced) or a node may keep reporting a replica the directory does not place on it (orphan →
 *     RemoveReplica) before the leader acts; {@link Duration#ZERO} (the default) = the dead-node
 *     timeout. Covers new replicas that are not reported yet for a heartbeat or two.
 */
public record ControllerConfig(
    boolean enabled,
    Duration scheduleInterval,
    int maxInFlightOperators,
    long splitThresholdBytes,
    Duration tabletRpcTimeout,
    Duration replicaReportGrace) {

  public static final long MIB = 1024L * 1024L;

  /**
   * On, every 1 s, 4 in flight, split above 64 MiB, 10 s per tablet RPC, report grace = the
   * dead-node timeout.
   */
  public static final ControllerConfig DEFAULT =
      new ControllerConfig(
          true, Duration.ofSeconds(1), 4, 64 * MIB, Duration.ofSeconds(10), Duration.ZERO);

  public ControllerConfig {
    Objects.requireNonNull(scheduleInterval, "scheduleInterval");
    Objects.requireNonNull(tabletRpcTimeout, "tabletRpcTimeout");
    Objects.requireNonNull(replicaReportGrace, "replicaReportGrace");
    if (replicaReportGrace.isNegative()) {
      throw new IllegalArgumentException("negative replicaReportGrace " + replicaReportGrace);
    }
    if (scheduleInterval.isNegative() || scheduleInterval.isZero()) {
      throw new IllegalArgumentException("scheduleInterval must be positive: " + scheduleInterval);
    }
    if (tabletRpcTimeout.isNegative() || tabletRpcTimeout.isZero()) {
      throw new IllegalArgumentException("tabletRpcTimeout must be positive: " + tabletRpcTimeout);
    }
    if (maxInFlightOperators < 1) {
      throw new IllegalArgumentException("maxInFlightOperators must be >= 1");
    }
    if (splitThresholdBytes < 0) {
      throw new IllegalArgumentException("negative splitThresholdBytes " + splitThresholdBytes);
    }
  }

  /** The config before the report grace existed: grace = the dead-node timeout. */
  public ControllerConfig(
      boolean enabled,
      Duration scheduleInterval,
      int maxInFlightOperators,
      long splitThresholdBytes,
      Duration tabletRpcTimeout) {
    this(
        enabled,
        scheduleInterval,
        maxInFlightOperators,
        splitThresholdBytes,
        tabletRpcTimeout,
        Duration.ZERO);
  }

  /** The report grace in effect: {@code replicaReportGrace}, or {@code deadNodeTimeout} if zero. */
  public Duration reportGrace(Duration deadNodeTimeout) {
    return replicaReportGrace.isZero() ? deadNodeTimeout : replicaReportGrace;
  }

  /** How long a leader-only tablet call keeps looking for the leader. */
  public Duration leaderCallTimeout() {
    return tabletRpcTimeout.multipliedBy(3);
  }

  public ControllerConfig withEnabled(boolean on) {
    return new ControllerConfig(
        on,
        scheduleInterval,
        maxInFlightOperators,
        splitThresholdBytes,
        tabletRpcTimeout,
        replicaReportGrace);
  }

  public ControllerConfig withScheduleInterval(Duration interval) {
    return new ControllerConfig(
        enabled,
        interval,
        maxInFlightOperators,
        splitThresholdBytes,
        tabletRpcTimeout,
        replicaReportGrace);
  }

  public ControllerConfig withMaxInFlightOperators(int max) {
    return new ControllerConfig(
        enabled, scheduleInterval, max, splitThresholdBytes, tabletRpcTimeout, replicaReportGrace);
  }

  public ControllerConfig withSplitThresholdBytes(long bytes) {
    return new ControllerConfig(
        enabled,
        scheduleInterval,
        maxInFlightOperators,
        bytes,
        tabletRpcTimeout,
        replicaReportGrace);
  }

  public ControllerConfig withTabletRpcTimeout(Duration timeout) {
    return new ControllerConfig(
        enabled,
        scheduleInterval,
        maxInFlightOperators,
        splitThresholdBytes,
        timeout,
        replicaReportGrace);
  }

  /** See {@code replicaReportGrace}; {@link Duration#ZERO} = the dead-node timeout. */
  public ControllerConfig withReplicaReportGrace(Duration grace) {
    return new ControllerConfig(
        enabled,
        scheduleInterval,
        maxInFlightOperators,
        splitThresholdBytes,
        tabletRpcTimeout,
        grace);
  }
}
