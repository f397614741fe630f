package io.cesiumdb.server.workload.bank;

import static io.cesiumdb.server.workload.bank.BankOps.bal;
import static io.cesiumdb.server.workload.bank.BankOps.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.HistoryBuilder;
import io.cesiumdb.server.workload.history.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankCheckerTest {
  private final BankChecker checker = new BankChecker(3, 30);

  private static HistoryBuilder validRun() {
    return new HistoryBuilder()
        .op(0, "transfer", transfer(0, 1, 5), transfer(0, 1, 5), 0, 10)
        .op(1, "read", null, bal(10, 10, 10), 1, 2)
        .op(1, "read", null, bal(5, 15, 10), 11, 12)
        .invoke(0, "transfer", transfer(1, 2, 3), 13)
        .info(0, 20);
  }

  @Test
  void consistentReadsAndAFinalReadWithTheTotalAreValid() {
    List<Op> ops = validRun().op(Op.FINAL, "read", null, bal(5, 12, 13), 30, 31).build();
    assertEquals(List.of(), checker.check(ops));
  }

  @Test
  void wrongTotalsAreReportedWithFirstWorstAndLast() {
    List<Op> ops =
        validRun()
            .op(2, "read", null, bal(5, 10, 10), 21, 22)
            .op(2, "read", null, bal(0, 0, 10), 23, 24)
            .op(2, "read", null, bal(9, 10, 10), 25, 26)
            .op(Op.FINAL, "read", null, bal(10, 10, 10), 30, 31)
            .build();
    List<Anomaly> found = checker.check(ops);
    assertEquals(1, found.size(), found.toString());
    Anomaly a = found.get(0);
    assertEquals("wrong-total", a.type());
    assertTrue(a.description().startsWith("3 bad reads"), a.description());
    assertTrue(
        a.description().contains("first: read by process 2 at 0.022 s: total 25"), a.description());
    assertTrue(
        a.description().contains("worst: read by process 2 at 0.024 s: total 10"), a.description());
    assertTrue(
        a.description().contains("last: read by process 2 at 0.026 s: total 29"), a.description());
  }

  @Test
  void aWrongTotalWithTimestampsListsTheTransfersAroundItsSnapshot() {
    List<Op> ops =
        new HistoryBuilder()
            .op(0, "transfer", transfer(0, 1, 5), transfer(0, 1, 5), 0, 10)
            .stamp(100)
            .invoke(1, "read", null, 5)
            .invoke(2, "transfer", transfer(1, 2, 3), 8)
            .ok(1, bal(10, 15, 10), 12)
            .stamp(150)
            .info(2, 20)
            .op(Op.FINAL, "read", null, bal(5, 15, 10), 30, 31)
            .build();

    String d = checker.check(ops).get(0).description();

    assertTrue(
        d.contains(
            "total 35 (expected 30); snapshot ts 150; overlapping transfers: [0->1 5 ok"
                + " @100 (<=), 1->2 3 info]"),
        d);
  }

  @Test
  void negativeBalancesAndWrongAccountCountsAreAnomalies() {
    List<Op> ops =
        validRun()
            .op(2, "read", null, bal(-5, 25, 10), 21, 22)
            .op(2, "read", null, Map.of(0L, 20L, 1L, 10L), 23, 24)
            .op(Op.FINAL, "read", null, bal(10, 10, 10), 30, 31)
            .build();
    List<String> types = checker.check(ops).stream().map(Anomaly::type).toList();
    assertEquals(List.of("wrong-n", "negative-value"), types);
  }

  @Test
  void aFinalReadWithALostTransferOrNoFinalReadIsAnAnomaly() {
    List<Op> lost = validRun().op(Op.FINAL, "read", null, bal(5, 10, 10), 30, 31).build();
    List<String> types = checker.check(lost).stream().map(Anomaly::type).toList();
    assertEquals(List.of("wrong-total", "lost-transfer"), types);

    List<Op> none = validRun().invoke(Op.FINAL, "read", null, 30).fail(Op.FINAL, 31).build();
    assertEquals(List.of("final-read"), checker.check(none).stream().map(Anomaly::type).toList());
  }

  @Test
  void stampedReadsThatMatchTheReplayAreValid() {
    List<Op> ops =
        new HistoryBuilder()
            .op(0, "transfer", transfer(0, 1, 5), transfer(0, 1, 5), 0, 10)
            .stamp(100)
            .op(1, "read", null, bal(10, 10, 10), 1, 2)
            .stamp(90)
            .op(1, "read", null, bal(5, 15, 10), 11, 12)
            .stamp(150)
            .op(Op.FINAL, "read", null, bal(5, 15, 10), 30, 31)
            .build();
    assertEquals(List.of(), checker.check(ops));
  }

  @Test
  void aWholeTransferOnTheWrongSideOfTheSnapshotIsAMismatchThoughTheTotalIsRight() {
    List<Op> ops =
        new HistoryBuilder()
            .op(0, "transfer", transfer(0, 1, 5), transfer(0, 1, 5), 0, 10)
            .stamp(100)
            .op(1, "read", null, bal(10, 10, 10), 11, 12)
            .stamp(150)
            .op(Op.FINAL, "read", null, bal(5, 15, 10), 30, 31)
            .build();

    List<Anomaly> found = checker.check(ops);

    assertEquals(List.of(SnapshotReplay.TYPE), found.stream().map(Anomaly::type).toList());
    String d = found.get(0).description();
    assertTrue(
        d.contains(
            "snapshot ts 150 differs from the replay: account 0 seen 10, replayed 5; account 1"
                + " seen 10, replayed 15; nearest transfers of those accounts: [0->1 5 @100"
                + " (<=)]"),
        d);
  }

  @Test
  void unknownTransfersInvokedBeforeTheReadMayExplainIt() {
    HistoryBuilder run =
        new HistoryBuilder()
            .invoke(0, "transfer", transfer(0, 1, 2), 0)
            .info(0, 5)
            .invoke(0, "transfer", transfer(1, 2, 2), 6)
            .info(0, 7);
    // Both unknown transfers applied: only accounts 0 and 2 differ; the chain through 1 explains.
    List<Op> chain =
        run.op(1, "read", null, bal(8, 10, 12), 8, 9)
            .stamp(50)
            .op(Op.FINAL, "read", null, bal(8, 10, 12), 30, 31)
            .build();
    assertEquals(List.of(), checker.check(chain));

    // A change that no unknown transfer invoked before the read can make is a mismatch.
    List<Op> unexplained =
        new HistoryBuilder()
            .op(1, "read", null, bal(7, 13, 10), 1, 2)
            .stamp(50)
            .invoke(0, "transfer", transfer(0, 1, 3), 3)
            .info(0, 5)
            .op(Op.FINAL, "read", null, bal(7, 13, 10), 30, 31)
            .build();
    assertEquals(
        List.of(SnapshotReplay.TYPE),
        checker.check(unexplained).stream().map(Anomaly::type).toList());
  }
}
