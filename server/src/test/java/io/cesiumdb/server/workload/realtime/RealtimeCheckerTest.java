package io.cesiumdb.server.workload.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.HistoryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealtimeCheckerTest {
  /** Insert 1 acked at 10, insert 2 invoked at 20 (after) and acked at 30. */
  private static HistoryBuilder twoSequentialInserts() {
    return new HistoryBuilder().op(0, "insert", 1L, 1L, 0, 10).op(1, "insert", 2L, 2L, 20, 30);
  }

  private static List<String> types(List<Anomaly> anomalies) {
    return anomalies.stream().map(Anomaly::type).toList();
  }

  @Test
  void readsThatRespectRealTimeOrderAreValid() {
    List<Anomaly> found =
        RealtimeChecker.check(
            twoSequentialInserts()
                .op(5, "read", null, new long[] {}, 2, 3) // before any ack
                .op(5, "read", null, new long[] {1}, 11, 12)
                .op(6, "read", null, new long[] {1, 2}, 25, 40) // 2 in flight: may be seen
                .op(5, "read", null, new long[] {1, 2}, 31, 32)
                .build());
    assertEquals(List.of(), found);
  }

  @Test
  void seeingTheLaterInsertWithoutTheEarlierIsACausalReverse() {
    List<Anomaly> found =
        RealtimeChecker.check(
            twoSequentialInserts().op(5, "read", null, new long[] {2}, 5, 35).build());
    assertEquals(List.of("causal-reverse"), types(found));
    assertTrue(found.get(0).description().contains("saw id 2"), found.toString());
    assertTrue(found.get(0).description().contains("but not id 1"), found.toString());
  }

  @Test
  void missingAnInsertAcknowledgedBeforeTheReadBeganIsStale() {
    List<Anomaly> found =
        RealtimeChecker.check(
            twoSequentialInserts().op(5, "read", null, new long[] {1}, 31, 32).build());
    assertEquals(List.of("stale-read"), types(found));
  }

  @Test
  void failedAndUnknownIdsAreFlaggedButInfoInsertsMayAppear() {
    List<Anomaly> found =
        RealtimeChecker.check(
            new HistoryBuilder()
                .invoke(0, "insert", 1L, 0)
                .fail(0, 5)
                .invoke(1, "insert", 2L, 0)
                .info(1, 5)
                .op(5, "read", null, new long[] {1, 2, 99}, 10, 11)
                .op(5, "read", null, new long[] {2}, 12, 13)
                .build());
    assertEquals(List.of("phantom", "unexpected-id"), types(found));
  }
}
