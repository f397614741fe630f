/**
 * A run's history, Jepsen style: one {@link io.cesiumdb.server.workload.history.Op} per invocation
 * and one per completion ({@code ok}, {@code fail}, {@code info}), with times relative to the run's
 * start, recorded by every worker thread and the nemesis scheduler into one {@link
 * io.cesiumdb.server.workload.history.History}, and written as JSON lines by {@link
 * io.cesiumdb.server.workload.history.HistoryWriter}.
 *
 * <p>Neighbours: the runner and its workers (above) record; the checkers and the report (beside)
 * read {@link io.cesiumdb.server.workload.history.History#ops()} and {@link
 * io.cesiumdb.server.workload.history.OpPair}s.
 *
 * <p>Invariants: ops are appended in time order (the time is taken under the history's lock); each
 * process has at most one invocation outstanding, and its next op is that invocation's completion;
 * an invocation with no completion (the run ended while it was in flight) is treated like {@code
 * info}: it may or may not have happened.
 */
package io.cesiumdb.server.workload.history;
