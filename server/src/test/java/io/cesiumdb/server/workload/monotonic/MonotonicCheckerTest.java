package io.cesiumdb.server.workload.monotonic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.HistoryBuilder;
import io.cesiumdb.server.workload.history.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonotonicCheckerTest {
  private static Map<Long, Long> counters(long a, long b) {
    return Map.of(0L, a, 1L, b);
  }

  /** Two acked increments of key 0 (done by 10 and 20), one unknown of key 1 from 25. */
  private static HistoryBuilder increments() {
    return new HistoryBuilder()
        .op(0, "increment", 0L, 0L, 0, 10)
        .op(0, "increment", 0L, 0L, 11, 20)
        .invoke(1, "increment", 1L, 25)
        .info(1, 60);
  }

  private static List<String> types(List<Op> ops) {
    return MonotonicChecker.check(ops, 2).stream().map(Anomaly::type).toList();
  }

  @Test
  void monotonicReadsWithinTheBoundsAreValid() {
    List<Op> ops =
        increments()
            .op(5, "read", null, counters(0, 0), 1, 2)
            .op(6, "read", null, counters(1, 0), 3, 15) // concurrent with the first increment
            .op(5, "read", null, counters(1, 0), 12, 14)
            .op(5, "read", null, counters(2, 1), 30, 31) // the unknown increment may show
            .op(Op.FINAL, "read", null, counters(2, 1), 70, 71)
            .build();
    assertEquals(List.of(), types(ops));
  }

  @Test
  void aCounterGoingBackwardsInRealTimeIsNonmonotonic() {
    List<Op> ops =
        increments()
            .op(5, "read", null, counters(2, 1), 30, 31) // the unknown increment shows...
            .op(6, "read", null, counters(2, 0), 40, 41) // ...then is gone
            .op(5, "read", null, counters(2, 1), 42, 43)
            .op(6, "read", null, counters(2, 0), 44, 45)
            .build();
    assertEquals(List.of("nonmonotonic", "nonmonotonic"), types(ops));
  }

  @Test
  void valuesAboveTheIncrementsOrBelowTheAcknowledgedOnesAreAnomalies() {
    List<Op> tooHigh = increments().op(5, "read", null, counters(3, 0), 30, 31).build();
    assertEquals(List.of("value-too-high"), types(tooHigh));

    List<Op> lost = increments().op(Op.FINAL, "read", null, counters(1, 1), 70, 71).build();
    assertEquals(List.of("lost-increment"), types(lost));

    List<Op> missingKey = increments().op(5, "read", null, Map.of(0L, 2L), 30, 31).build();
    assertEquals(List.of("wrong-keys"), types(missingKey));
  }
}
