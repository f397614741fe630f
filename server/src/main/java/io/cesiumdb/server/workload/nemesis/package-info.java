/**
 * Nemeses: the faults a workload run injects and heals in windows (Jepsen's term). A {@link
 * io.cesiumdb.server.workload.nemesis.Nemesis} is built by {@link
 * io.cesiumdb.server.workload.nemesis.Nemeses#parse} from the {@code --nemesis} list and acts on a
 * {@link io.cesiumdb.server.workload.nemesis.NemesisTarget}: clock faults and message drops through
 * each node's fault admin RPC (present only on nodes that run the simulated clock), leadership
 * transfers through the tablet RPC, and {@code kill -9} through {@link
 * io.cesiumdb.server.workload.nemesis.NodeControl} when the run owns the node processes.
 *
 * <p>Neighbours: the workload runner (above) schedules inject/heal and records both in the history;
 * the server's fault admin service (below) applies them. Invariants: {@code heal()} is idempotent
 * and safe when nothing is injected; the runner always heals before its final read.
 */
package io.cesiumdb.server.workload.nemesis;
