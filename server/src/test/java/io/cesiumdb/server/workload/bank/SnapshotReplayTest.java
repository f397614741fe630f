package io.cesiumdb.server.workload.bank;

import static io.cesiumdb.server.workload.bank.BankOps.bal;
import static io.cesiumdb.server.workload.bank.BankOps.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.server.workload.HistoryBuilder;
import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay's bookkeeping of unknown transfers and of where a run started. */
class SnapshotReplayTest {
  private static SnapshotReplay.Counts replay(Map<Long, Long> initial, List<Op> ops, BadReads bad) {
    List<OpPair> pairs = OpPair.pairs(ops);
    return new SnapshotReplay(initial, OpPair.withF(pairs, "transfer"))
        .check(OpPair.withF(pairs, "read"), bad);
  }

  /**
   * Twenty transfers of unknown outcome, each seen by the next read: every read is explained by one
   * of them. Replaying each read from the start would need all the earlier ones at once, a search
   * that gave up (undecided) on this correct history.
   */
  @Test
  void unknownTransfersOnceSeenAreCarriedForward() {
    HistoryBuilder run = new HistoryBuilder();
    long[] balances = {100, 100, 100};
    for (int i = 0; i < 20; i++) {
      int from = i % 3;
      int to = (i + 1) % 3;
      long amount = i + 1;
      run.invoke(0, "transfer", transfer(from, to, amount), 10 * i).info(0, 10 * i + 1);
      balances[from] -= amount;
      balances[to] += amount;
      run.op(1, "read", null, bal(balances.clone()), 10 * i + 2, 10 * i + 3).stamp(100 + i);
    }
    BadReads bad = new BadReads(SnapshotReplay.TYPE);

    SnapshotReplay.Counts counts = replay(bal(100, 100, 100), run.build(), bad);

    assertEquals(new SnapshotReplay.Counts(20, 20, 0), counts);
    assertEquals(java.util.Optional.empty(), bad.anomaly());
  }

  @Test
  void aRunStartsFromTheBalancesFoundAtSetup() {
    List<Op> ops = new HistoryBuilder().op(1, "read", null, bal(5, 15, 10), 1, 2).stamp(50).build();

    BadReads fromSetup = new BadReads(SnapshotReplay.TYPE);
    replay(bal(5, 15, 10), ops, fromSetup);
    assertEquals(java.util.Optional.empty(), fromSetup.anomaly());

    BadReads fromAFreshLoad = new BadReads(SnapshotReplay.TYPE);
    replay(bal(10, 10, 10), ops, fromAFreshLoad);
    assertEquals(SnapshotReplay.TYPE, fromAFreshLoad.anomaly().orElseThrow().type());
  }

  /** A bad read is reported once: the next one is compared with what it should have shown. */
  @Test
  void aBadReadDoesNotMakeTheNextOneBad() {
    List<Op> ops =
        new HistoryBuilder()
            .op(0, "transfer", transfer(0, 1, 5), transfer(0, 1, 5), 0, 1)
            .stamp(40)
            .op(1, "read", null, bal(10, 15, 10), 2, 3) // half the transfer: bad
            .stamp(50)
            .op(1, "read", null, bal(5, 15, 10), 4, 5)
            .stamp(60)
            .build();
    BadReads bad = new BadReads(SnapshotReplay.TYPE);

    replay(bal(10, 10, 10), ops, bad);

    String d = bad.anomaly().orElseThrow().description();
    assertEquals(true, d.startsWith("1 bad reads"), d);
  }
}
