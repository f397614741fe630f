package io.cesiumdb.tablet.replication;

import java.util.Optional;

/**
 * Whether this node's clock may be used for timestamps right now. The node wires it to its clock
 * offset monitor (issue 5, "clock discipline"): a node whose clock is certainly off from a majority
 * of its peers must not assign commit timestamps or serve leader reads at "now", since commit wait
 * and external consistency rest on its clock being within ε. Snapshot reads at a given timestamp
 * and admin calls do not use the clock and stay open.
 */
@FunctionalInterface
public interface ClockGate {

  /** Open: never refuses (tests and single-node setups without a monitor). */
  ClockGate OPEN = Optional::empty;

  /** Empty if timestamps may be assigned; otherwise why not (it names the offsets). */
  Optional<String> refusal();
}
