/**
 * The monotonic workload: per-key counters in {@code mono_counters(k, v)} incremented by autocommit
 * {@code UPDATE ... SET v = v + 1}, and readers that read every counter in one read-only
 * transaction on their own connections. {@link
 * io.cesiumdb.server.workload.monotonic.MonotonicChecker} flags a counter going backwards in real
 * time (a read that completed before another began saw a larger value), a value above the
 * increments acknowledged or in flight, and a value below the increments acknowledged before the
 * read began (a lost increment or a stale read).
 *
 * <p>Neighbours: the runner (above) through {@code workload.Workload}; the JDBC driver only.
 * Invariant: values are relative to the counters at setup, so a rerun without {@code --fresh}
 * checks the same way.
 */
package io.cesiumdb.server.workload.monotonic;
