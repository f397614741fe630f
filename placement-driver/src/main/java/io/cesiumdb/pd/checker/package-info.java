/**
 * Checkers repair what is wrong. {@link io.cesiumdb.pd.checker.ReplicaChecker} replaces replicas on
 * DOWN nodes and replicas the view marks lost (on UP nodes that stopped reporting them), adds
 * missing replicas and removes extra ones; a {@link io.cesiumdb.pd.checker.CheckResult} also says,
 * for each problem it could not repair, why.
 *
 * <p>Neighbours: reads {@code cluster}, emits {@code operator}s of REPAIR priority; run first by
 * {@code SchedulingRound}.
 *
 * <p>Invariants: pure over the view; skips pending tablets; one operator per tablet per round;
 * never proposes a target that is not UP, already holds the tablet or reports hosting it; a
 * replacement adds before it removes, so a tablet never drops below its live replica count while
 * being repaired.
 */
package io.cesiumdb.pd.checker;
