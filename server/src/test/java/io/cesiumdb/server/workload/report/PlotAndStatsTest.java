package io.cesiumdb.server.workload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.HistoryBuilder;
import io.cesiumdb.server.workload.history.Op;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotAndStatsTest {
  @TempDir Path dir;

  private static List<Op> history() {
    HistoryBuilder h = new HistoryBuilder();
    for (int i = 0; i < 50; i++) {
      h.op(0, "transfer", Map.of(), Map.of(), 20L * i, 20L * i + 5 + i % 7);
      if (i % 10 == 3) {
        h.invoke(1, "transfer", Map.of(), 20L * i + 1).fail(1, 20L * i + 9);
      }
      h.op(2, "read", null, Map.of(0L, 10L, 1L, 10L - i % 2), 20L * i + 2, 20L * i + 4);
    }
    List<Op> ops = new ArrayList<>(h.build());
    ops.add(new Op(Op.NEMESIS, Op.Type.INFO, "start", "skew: n1 +3ms", 300_000_000L, 0, null));
    ops.add(new Op(Op.NEMESIS, Op.Type.INFO, "stop", "skew: healed", 600_000_000L, 0, null));
    ops.sort(java.util.Comparator.comparingLong(Op::timeNanos));
    return ops;
  }

  @Test
  void statsCountOutcomesAfterTheWarmupAndRankErrors() {
    Stats s = Stats.of(history(), "transfer", 200_000_000L, 1.0, 60, 6);
    assertEquals(new Stats.Counts(40, 4, 0), s.writes());
    assertEquals(40, s.reads().ok());
    assertEquals(40.0, s.writesPerSecond());
    assertEquals(0.1, s.abortRatio(), 1e-9);
    assertEquals(Map.of("x", 4L), s.errors());
    assertEquals(2_000_000, s.readLatency().p50());
  }

  @Test
  void thePlotIsAPngOfTwoChartsWithTheNemesisWindow() throws Exception {
    Path png =
        Path.of(System.getProperty("plot.test.file", dir.resolve("sub/plot.png").toString()));
    PlotWriter.write(
        history(),
        "total",
        v -> ((Map<?, ?>) v).values().stream().mapToLong(x -> (Long) x).sum(),
        png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(840, image.getHeight());
    assertEquals(
        List.of(new double[] {0.3, 0.6}[0]), List.of(NemesisWindows.of(history()).get(0)[0]));
    assertTrue(java.nio.file.Files.size(png) > 5_000);
  }
}
