package io.cesiumdb.txn.rw;

import java.util.List;

/**
 * The commit of a read-write transaction as an ordered pipeline (docs/design/transactions.md §3.5,
 * §3.6). The order, and why:
 *
 * <ol>
 *   <li>{@link BufferWrites}: group the buffered writes by tablet (none: a read-only commit).
 *   <li>{@link ChooseCoordinator}: the tablet that will record the decision (most writes, ties to
 *       the lowest id); every other writing tablet is a participant.
 *   <li>{@link Prepare}: participants lock their keys EXCLUSIVE and log a prepare record, in
 *       parallel; each answers a prepare timestamp. Any failure aborts the prepared ones.
 *   <li>{@link ChooseTimestamp}: the coordinator locks its keys and logs the decision at {@code s
 *       >= } every prepare timestamp, {@code >= TT.now().latest} on arrival, above anything it
 *       assigned; the decision is durable there (one tablet: a plain commit, no 2PC).
 *   <li>{@link CommitWait}: nobody hears of the commit before {@code TT.after(s)} (the coordinator
 *       already waited before applying; this holds it on the client's clock too).
 *   <li>{@link Commit}: participants log the outcome and apply their writes at {@code s}.
 *   <li>{@link Release}: read locks on tablets that were only read go, last (strict 2PL).
 * </ol>
 *
 * Assembled here only; each stage is its own class. Stateless: one instance serves every commit.
 */
final class CommitPipeline {
  private static final List<CommitStage> STAGES =
      List.of(
          new BufferWrites(),
          new ChooseCoordinator(),
          new Prepare(),
          new ChooseTimestamp(),
          new CommitWait(),
          new Commit(),
          new Release());

  private CommitPipeline() {}

  /**
   * Runs every stage; the commit timestamp, or the first stage's error, or (once every stage ran)
   * the reason a durable commit is not acknowledged ({@link CommitContext#withheld}).
   */
  static long run(CommitContext c) {
    for (CommitStage stage : STAGES) {
      stage.run(c);
    }
    if (c.withheld != null) {
      throw c.withheld;
    }
    return c.commitTs;
  }
}
