package io.cesiumdb.server.workload.report;

import io.cesiumdb.server.workload.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The faulty windows of a run, from its nemesis {@code start}/{@code stop} ops: each from a start
 * to the first stop after it, in seconds; a start never stopped runs to the history's end.
 */
final class NemesisWindows {
  private NemesisWindows() {}

  /** {@code [from, to]} pairs in seconds. */
  static List<double[]> of(List<Op> ops) {
    List<double[]> out = new ArrayList<>();
    long end = ops.isEmpty() ? 0 : ops.get(ops.size() - 1).timeNanos();
    long start = -1;
    for (Op op : ops) {
      if (op.process() != Op.NEMESIS) {
        continue;
      }
      if (op.f().equals("start") && start < 0) {
        start = op.timeNanos();
      } else if (op.f().equals("stop") && start >= 0) {
        out.add(new double[] {start / 1e9, op.timeNanos() / 1e9});
        start = -1;
      }
    }
    if (start >= 0) {
      out.add(new double[] {start / 1e9, end / 1e9});
    }
    return out;
  }
}
