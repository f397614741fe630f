/**
 * Nemeses: the faults a workload run injects and heals in windows (Jepsen's term). A {@link
 * io.cesiumdb.server.workload.nemesis.Nemesis} is built by {@link
 * io.cesiumdb.server.workload.nemesis.Nemeses#parse} from the {@code --nemesis} list and acts on a
 * {@link io.cesiumdb.server.workload.nemesis.NemesisTarget}: clock faults and message drops through
 * each node's fault admin RPC (present only on nodes that run the simulated clock), leadership
 * transfers through the tablet RPC, and {@code kill -9} through {@link
 * io.cesiumdb.server.workload.nemesis.NodeControl} when the run owns the node processes.
 *
 * <p>Nemeses: {@code skew} (half the nodes' clocks off by 25/50/100 % of ε in turn), {@code strobe}
 * (half the nodes flip between 0 and 80 % of ε every 10 ms), {@code bigskew} (a minority far beyond
 * ε: they must fence), {@code partition} (halves, one isolated, majorities ring in turn), {@code
 * leader-transfer} (every leader off one node), {@code kill} (kill -9 of the node leading most,
 * heal restarts it). Membership (ids, RPC addresses) comes from the seeds: the placement driver's
 * registry plus {@code Describe} at each seed, once. Choices come from the target's seed.
 *
 * <p>Neighbours: the workload runner (above) schedules inject/heal and records both in the history;
 * the server's fault admin service (below) applies them. Invariants: {@code heal()} is idempotent
 * and safe when nothing is injected; the runner always heals before its final read.
 */
package io.cesiumdb.server.workload.nemesis;
