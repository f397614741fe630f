/**
 * TrueTime for CesiumDB: time as an interval with bounded error, commit wait, simulated clocks and
 * the clock offset monitor.
 *
 * <h2>Role</h2>
 *
 * <p>Spanner's TrueTime (OSDI12 §3): {@link io.cesiumdb.truetime.TrueTime#now()} returns {@code
 * [earliest, latest]} and the true time lies inside as long as the node's clock error stays within
 * the ε it claims. Every timestamp CesiumDB assigns and every lease it holds is derived from these
 * intervals. The module also holds what makes the promise testable ({@link
 * io.cesiumdb.truetime.ManualTimeSource}, {@link io.cesiumdb.truetime.SimulatedClock}) and what
 * catches gross violations in production ({@link io.cesiumdb.truetime.ClockOffsetMonitor}).
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  TimeSource ─── reference ("true") time and waiting: SystemTimeSource (the only wall-clock
 *      │          reader in CesiumDB) | ManualTimeSource (tests)
 *  ClockSource ── a node's local clock + the ε it claims: SystemClockSource | SimulatedClock
 *      │          (offset, drift, jumps, strobes; may lie)    ε from an EpsilonModel
 *  TrueTime ───── TrueTimeClock: [reading − ε, reading + ε], monotonic; commitWait → CommitWaiter
 *  ClockOffsetMonitor ── PeerOffset samples from ClockPeers → FencingVerdict / ClockFencedException
 * </pre>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Depends on the JDK only (an ArchUnit rule in {@code tests} enforces it); everything above
 * depends on it: tablet-server (leases, safe time, prepare timestamps), placement-driver (its own
 * leases), txn-coordinator (commit timestamps, commit wait, read timestamps), server (wires a
 * {@code SystemClockSource} or, in demos, {@code SimulatedClock}s, and implements {@link
 * io.cesiumdb.truetime.ClockPeer} over the node RPC).
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>All times are {@code long} microseconds since the Unix epoch.
 *   <li>Guarantee: if {@code |local clock − true time| <= ε}, the true time at some instant during
 *       {@code now()} lies in the returned interval.
 *   <li>Per node, {@code now().earliest()} and {@code now().latest()} never decrease.
 *   <li>{@code commitWait(t)} returns only once {@code after(t)}: {@code now().earliest() > t}.
 *   <li>Elapsed time (waits, sample freshness) is measured on a {@code TimeSource}, never on a
 *       skewable clock reading.
 * </ul>
 *
 * <h2>Every place CesiumDB relies on ε</h2>
 *
 * <ol>
 *   <li><b>Commit wait</b> (OSDI12 §4.1.2): the coordinator leader does not let any replica apply
 *       the commit record, nor the client see the commit, until {@code TT.after(s)}. <br>
 *       HAZARD: if a clock's error exceeds its ε, {@code after(s)} can hold while true time is
 *       still before s; a transaction that starts after the acknowledgement can then get a smaller
 *       timestamp — <em>causal reverse</em>, external consistency lost.
 *   <li><b>Commit timestamp choice</b>: {@code s >= TT.now().latest} read after the commit request
 *       arrives at the coordinator leader (and {@code s >=} every prepare timestamp, {@code s >}
 *       any timestamp it assigned before). <br>
 *       HAZARD: an understated {@code latest} yields an s below the true arrival time, so a
 *       transaction that started after an earlier one committed can be ordered before it (causal
 *       reverse), and a read at an already-served timestamp may now miss this write (stale read).
 *   <li><b>Read-only read timestamps</b> (OSDI12 §4.1.4): multi-group read-only transactions use
 *       {@code s_read = TT.now().latest}; single-group ones may use the group's {@code LastTS()}.
 *       <br>
 *       HAZARD: an understated {@code latest} makes {@code s_read} earlier than a commit that was
 *       already acknowledged: a <em>stale read</em> that misses it.
 *   <li><b>Safe time at replicas</b> (OSDI12 §4.1.3): a replica serves a read at t only if {@code t
 *       <= t_safe = min(t_Paxos_safe, t_TM_safe)}; {@code MinNextTS} promises and prepare
 *       timestamps come from leaders' TrueTime. <br>
 *       HAZARD: a leader whose clock lies can promise (MinNextTS) or advance safe time past a
 *       timestamp it later assigns, so a follower serves a read that misses a write at or below the
 *       read timestamp — a stale, non-repeatable snapshot.
 *   <li><b>Leader leases</b> (OSDI12 §4.1.1, Appendix A): the leader records {@code v_leader =
 *       TT.now().earliest} before asking for a lease vote; the voter's lease ends at {@code
 *       TT.now().latest + 10 s} and it grants no other vote until {@code TT.after(lease end)}; the
 *       leader's lease is {@code [TT.now().latest, min(v_leader) + 10 s]} and it abdicates only
 *       after {@code TT.after(s_max)}. <br>
 *       HAZARD: if either clock lies, two leaders' lease intervals can overlap: <em>two leaders
 *       assigning overlapping timestamps</em> in one group, breaking per-group timestamp
 *       monotonicity and letting each serve reads that miss the other's writes.
 *   <li><b>The offset monitor's bound</b> ({@link io.cesiumdb.truetime.ClockOffsetMonitor}): {@code
 *       maxOffset} defaults to 14 ms, twice Spanner's largest ε, because two honest nodes can read
 *       up to 2ε apart. <br>
 *       HAZARD: set below 2ε it fences honest nodes (availability loss); set far above it lets a
 *       node whose clock lies by several ε keep serving, with all the hazards above. It also cannot
 *       see a cluster whose clocks are wrong <em>together</em>: ε must cover the real error of the
 *       time source (see {@link io.cesiumdb.truetime.SystemClockSource}).
 * </ol>
 *
 * <h2>Rejected designs</h2>
 *
 * <ul>
 *   <li><b>HLC instead of TrueTime</b> (CockroachDB, YugabyteDB, Ignite 3): needs no ε, but without
 *       commit wait it is not externally consistent (causal reverse between disjoint transactions,
 *       uncertainty restarts for reads). CesiumDB reproduces Spanner, so it pays commit wait
 *       instead.
 *   <li><b>Failing on backward jumps</b> instead of clamping: a clock stepping back by less than ε
 *       is normal (an NTP correction at a sync); refusing to answer would turn every sync into an
 *       outage. Clamping keeps both bounds monotonic and is safe because true time never goes back.
 *       Jumps beyond ε are the offset monitor's business.
 *   <li><b>A central timestamp oracle</b> (TiDB's TSO): no ε at all, but one extra round trip per
 *       transaction and a single point of failure; Spanner's design is the point of CesiumDB.
 *   <li><b>Pure parking or pure spinning in commit wait</b>: parking oversleeps by the timer slack,
 *       spinning burns a core for ~8 ms per commit; {@code CommitWaiter} parks then spins.
 *   <li><b>Reading the wall clock on every call</b>: steps of the system clock would make readings
 *       jump both ways; {@link io.cesiumdb.truetime.SystemTimeSource} anchors once and advances
 *       with {@code nanoTime}.
 * </ul>
 */
package io.cesiumdb.truetime;
