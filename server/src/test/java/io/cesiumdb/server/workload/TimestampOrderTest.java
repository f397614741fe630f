package io.cesiumdb.server.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampOrderTest {
  private final List<Op> ops = new ArrayList<>();

  @Test
  void timestampsThatFollowRealTimeAreFine() {
    op(1, "transfer", 0, 10, 100);
    op(2, "transfer", 20, 30, 200);
    op(3, "read", 40, 50, 201);
    op(4, "transfer", 5, 60, 150); // overlaps the others: any order

    assertEquals(List.of(), check());
  }

  @Test
  void aWriteOrAReadBelowAnEarlierAcknowledgedWriteIsAnInversion() {
    op(1, "transfer", 0, 10, 100);
    op(2, "transfer", 20, 30, 90);
    op(3, "read", 40, 50, 100);

    List<Anomaly> found = check();

    assertEquals(2, found.size(), found.toString());
    assertTrue(
        found.get(0).description().contains("timestamp 90, not above 100"), found.toString());
    assertEquals(TimestampOrder.TYPE, found.get(1).type());
  }

  @Test
  void unstampedAndUnknownOpsTakeNoPart() {
    op(1, "transfer", 0, 10, 100);
    op(2, "transfer", 20, 30, 0);
    ops.add(new Op(3, Op.Type.INVOKE, "transfer", null, 40, 0, null));
    ops.add(new Op(3, Op.Type.INFO, "transfer", null, 50, 10, "timeout", 50));

    assertEquals(List.of(), check());
  }

  private List<Anomaly> check() {
    ops.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
    return TimestampOrder.check(OpPair.pairs(ops), "transfer");
  }

  private void op(int process, String f, long invokedAt, long completedAt, long dbTs) {
    ops.add(new Op(process, Op.Type.INVOKE, f, null, invokedAt, 0, null));
    ops.add(new Op(process, Op.Type.OK, f, null, completedAt, completedAt - invokedAt, null, dbTs));
  }
}
