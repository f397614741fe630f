package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code strobe}: half the nodes, chosen with the run's seed, get a clock that flips between their
 * true time and {@value #FRACTION_PERCENT} % of their ε (random sign) every {@value #PERIOD_MICROS}
 * µs: Jepsen's strobe-skews (200 ms against a 250 ms bound, every 10 ms), scaled to ε. Within ε the
 * clocks stay honest. Heal: strobe stopped, offset 0 on every node.
 */
final class StrobeNemesis implements Nemesis {
  static final int FRACTION_PERCENT = 80;
  static final long PERIOD_MICROS = 10_000;

  private final Membership members;
  private final Random rng;

  StrobeNemesis(Membership members, long seed) {
    this.members = members;
    this.rng = new Random(seed ^ 0x5700bL);
  }

  @Override
  public String name() {
    return "strobe";
  }

  @Override
  public String inject() {
    List<String> done = new ArrayList<>();
    for (NodeRef n : Picks.half(members.nodes(), rng)) {
      long sign = rng.nextBoolean() ? 1 : -1;
      FaultAdmins.on(
          n,
          c -> {
            long eps = c.faults().getClock().getEpsilonFloorMicros();
            long b = sign * eps * FRACTION_PERCENT / 100;
            c.strobe(0, b, PERIOD_MICROS);
            done.add(
                n.nodeId() + " 0.." + b + "us every " + PERIOD_MICROS + "us (ε " + eps + "us)");
          });
    }
    return "strobe: clock " + String.join(", ", done);
  }

  @Override
  public String heal() {
    List<NodeRef> all = members.nodes();
    List<String> failed = FaultAdmins.onEachBestEffort(all, c -> c.healClock());
    return "strobe: stopped, offset 0 on " + Picks.ids(all) + FaultAdmins.unreachable(failed);
  }
}
