/**
 * Schedulers improve what is legal: {@link io.cesiumdb.pd.scheduler.BalanceLeaderScheduler} evens
 * leader counts by leadership transfer, {@link io.cesiumdb.pd.scheduler.BalanceTabletScheduler}
 * evens tablet counts by moving replicas (add, transfer leadership if needed, remove).
 *
 * <p>Neighbours: reads {@code cluster}, emits {@code operator}s of BALANCE priority; run after the
 * checkers by {@code SchedulingRound}, which hides the tablets under repair as pending.
 *
 * <p>Invariants: pure over the view; only UP nodes give or take; skips pending tablets and tablets
 * with a replica that is not UP; acts only when counts differ by more than a tolerance, so a
 * balanced cluster gets no operators; at most a bounded number of operators per round, with counts
 * updated after each pick so a round never overshoots.
 */
package io.cesiumdb.pd.scheduler;
