/**
 * The realtime workload (Jepsen's comments / causal-reverse): blind single-row autocommit inserts
 * of unique ids spread over tables {@code rt_0..rt_{n-1}} (separate tables, so separate tablets),
 * and readers that read every table in one read-only transaction. {@link
 * io.cesiumdb.server.workload.realtime.RealtimeChecker} flags a read that sees insert B but not an
 * insert A acknowledged before B was invoked (causal reverse), a read that misses an insert
 * acknowledged before the read began (stale read), and reads of failed or never-invoked ids.
 *
 * <p>Neighbours: the runner (above) through {@code workload.Workload}; the JDBC driver only.
 * Invariant: ids are never reused, so an id identifies one insert.
 */
package io.cesiumdb.server.workload.realtime;
