package io.cesiumdb.txn.rw;

import java.util.Comparator;

/**
 * Stage 2: the coordinator is the writing tablet with the most writes (its writes then travel in
 * the decision record, saving the largest prepare), ties to the lowest tablet id; the others are
 * participants. With one writing tablet there is no participant and no two-phase commit.
 */
final class ChooseCoordinator implements CommitStage {
  private static final Comparator<CommitPlan.TabletWrites> ORDER =
      Comparator.<CommitPlan.TabletWrites>comparingInt(w -> -w.mutations().size())
          .thenComparing(CommitPlan.TabletWrites::tabletId, Long::compareUnsigned);

  @Override
  public void run(CommitContext c) {
    if (c.plan.isEmpty()) {
      return;
    }
    c.coordinator = c.plan.stream().min(ORDER).orElseThrow();
    c.participants = c.plan.stream().filter(w -> w != c.coordinator).toList();
  }
}
