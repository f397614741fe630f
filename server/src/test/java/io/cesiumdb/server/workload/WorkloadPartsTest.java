package io.cesiumdb.server.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.history.HistoryWriter;
import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import io.cesiumdb.server.workload.report.Percentiles;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's small parts: URL rotation, SQLSTATE classes, pairing, JSON lines, percentiles. */
class WorkloadPartsTest {
  @Test
  void connectionsRotateTheHostsPerProcess() {
    WorkloadSpec spec = WorkloadSpec.builder("bank").url("jdbc:cesium://a:1,b:2,c:3/s").build();
    Connections c = new Connections(spec);
    assertEquals(List.of("a:1", "b:2", "c:3"), c.hosts());
    assertEquals("jdbc:cesium://a:1,b:2,c:3/s", c.urlFor(0));
    assertEquals("jdbc:cesium://c:3,a:1,b:2/s", c.urlFor(5));
    assertThrows(IllegalArgumentException.class, () -> Connections.hosts("jdbc:pg://x/"));
  }

  @Test
  void onlyDefiniteSqlStatesMakeAWriteFail() {
    assertTrue(Sql.isDefinite(new SQLException("abort", "40001")));
    assertTrue(Sql.isDefinite(new SQLException("dup", "23505")));
    assertFalse(Sql.isDefinite(new SQLException("gone", "08006")));
    assertFalse(Sql.isDefinite(new SQLException("commit outcome unknown", "40003")));
    assertFalse(Sql.isDefinite(new SQLException("timeout", "57014")));
    assertTrue(Sql.isDefinite(new SQLException("[CLK-1] fenced", "57P03", 2001)));
    assertFalse(Sql.isDefinite(new SQLException("[CMN-3] unavailable", "57P03", 1003)));
    assertTrue(Sql.isRefusal(new SQLException("[CLK-1] fenced", "57P03", 2001)));
    assertFalse(Sql.isRefusal(new SQLException("abort", "40001")));
    assertFalse(Sql.isDefinite(new SQLException("no state")));
    assertTrue(Sql.isRetryable(new SQLException("abort", "40001")));
  }

  @Test
  void pairsMatchEachProcessCompletionAndLeaveUnfinishedOnesUnknown() {
    List<Op> ops =
        new HistoryBuilder()
            .invoke(0, "read", null, 0)
            .invoke(1, "read", null, 1)
            .ok(0, 7L, 2)
            .build();
    List<OpPair> pairs = OpPair.pairs(ops);
    assertEquals(2, pairs.size());
    assertEquals(Op.Type.OK, pairs.get(0).outcome());
    assertEquals(2_000_000, pairs.get(0).completion().latencyNanos());
    assertEquals(Op.Type.INFO, pairs.get(1).outcome());
    assertEquals(Long.MAX_VALUE, pairs.get(1).completeNanos());
  }

  @Test
  void historyLinesAreJson() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("from", 1L);
    v.put("note", "a \"quoted\"\n");
    assertEquals(
        "{\"process\":3,\"type\":\"invoke\",\"f\":\"transfer\",\"value\":{\"from\":1,"
            + "\"note\":\"a \\\"quoted\\\"\\n\"},\"time\":5,\"latency\":0,\"error\":null}",
        HistoryWriter.line(new Op(3, Op.Type.INVOKE, "transfer", v, 5, 0, null)));
    assertEquals(
        "{\"process\":\"nemesis\",\"type\":\"info\",\"f\":\"start\",\"value\":[1,2],"
            + "\"time\":9,\"latency\":4,\"error\":\"x\"}",
        HistoryWriter.line(
            new Op(Op.NEMESIS, Op.Type.INFO, "start", new long[] {1, 2}, 9, 4, "x")));
  }

  @Test
  void percentilesAreNearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i;
    }
    assertEquals(new Percentiles(100, 50, 95, 99, 100), Percentiles.of(values));
    assertEquals(Percentiles.EMPTY, Percentiles.of(new long[0]));
  }
}
