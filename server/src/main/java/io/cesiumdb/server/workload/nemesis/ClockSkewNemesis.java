package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Clock bumps (Jepsen's {@code bumptime} skews), through each node's fault admin.
 *
 * <ul>
 *   <li>{@code skew}: half the nodes, chosen with the run's seed, get their clock offset set to 25
 *       %, then 50 %, then 100 % (in turn, one size per fault) of that node's current ε, with a
 *       random sign. Within ε the clocks stay honest, so any anomaly is a bug.
 *   <li>{@code bigskew}: a minority of the nodes get {@link #BIG_SKEW_MICROS} (4× the clock
 *       monitor's default max offset, far beyond any ε): they must fence themselves; the suite
 *       expects unavailability on them, not anomalies.
 * </ul>
 *
 * Heal: offset 0 on every node.
 */
final class ClockSkewNemesis implements Nemesis {
  /** The bigskew offset: 4 × 14 ms = 56 ms. */
  static final long BIG_SKEW_MICROS = 4 * ClockOffsetMonitor.Config.defaults().maxOffsetMicros();

  private static final double[] EPSILON_FRACTIONS = {0.25, 0.5, 1.0};

  private final String name;
  private final Membership members;
  private final Random rng;
  private final boolean beyondEpsilon;
  private int round;

  private ClockSkewNemesis(String name, Membership members, Random rng, boolean beyondEpsilon) {
    this.name = name;
    this.members = members;
    this.rng = rng;
    this.beyondEpsilon = beyondEpsilon;
  }

  static ClockSkewNemesis skew(Membership members, long seed) {
    return new ClockSkewNemesis("skew", members, new Random(seed ^ 0x5e3L), false);
  }

  static ClockSkewNemesis bigSkew(Membership members, long seed) {
    return new ClockSkewNemesis("bigskew", members, new Random(seed ^ 0xb195L), true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String inject() {
    List<NodeRef> all = members.nodes();
    List<NodeRef> chosen = beyondEpsilon ? Picks.minority(all, rng) : Picks.half(all, rng);
    double fraction = EPSILON_FRACTIONS[round++ % EPSILON_FRACTIONS.length];
    List<String> done = new ArrayList<>();
    for (NodeRef n : chosen) {
      long sign = rng.nextBoolean() ? 1 : -1;
      FaultAdmins.on(
          n,
          c -> {
            long eps = c.faults().getClock().getEpsilonFloorMicros();
            long offset = sign * (beyondEpsilon ? BIG_SKEW_MICROS : Math.round(fraction * eps));
            c.setOffsetMicros(offset);
            done.add(n.nodeId() + " " + signed(offset) + "us" + size(fraction, eps));
          });
    }
    return name + ": clock " + String.join(", ", done);
  }

  private String size(double fraction, long eps) {
    return beyondEpsilon
        ? " (beyond ε " + eps + "us: expect fencing)"
        : " (" + Math.round(fraction * 100) + "% of ε " + eps + "us)";
  }

  private static String signed(long v) {
    return v >= 0 ? "+" + v : Long.toString(v);
  }

  @Override
  public String heal() {
    List<NodeRef> all = members.nodes();
    List<String> failed = FaultAdmins.onEachBestEffort(all, c -> c.healClock());
    return name + ": clock offset 0 on " + Picks.ids(all) + FaultAdmins.unreachable(failed);
  }
}
