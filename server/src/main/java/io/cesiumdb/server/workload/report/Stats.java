package io.cesiumdb.server.workload.report;

import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts and latencies of a run's client ops invoked after the warm-up.
 *
 * @param writes ok/fail/info counts of writes
 * @param reads ok/fail/info counts of reads
 * @param seconds the measured time
 * @param attempts write transaction attempts
 * @param abortedAttempts attempts aborted with 40001 (and retried)
 * @param writeLatency latencies of ok writes
 * @param readLatency latencies of ok reads
 * @param errors the most frequent errors of failed and unknown ops, with their counts
 */
public record Stats(
    Counts writes,
    Counts reads,
    double seconds,
    long attempts,
    long abortedAttempts,
    Percentiles writeLatency,
    Percentiles readLatency,
    Map<String, Long> errors) {

  /** How many distinct errors {@link #errors} keeps. */
  static final int TOP_ERRORS = 5;

  /**
   * Op counts by outcome.
   *
   * @param ok took effect
   * @param fail certainly did not
   * @param info unknown (includes ops still in flight when the run ended)
   */
  public record Counts(long ok, long fail, long info) {
    /** All of them. */
    public long total() {
      return ok + fail + info;
    }
  }

  /** Ok writes per second. */
  public double writesPerSecond() {
    return seconds <= 0 ? 0 : writes.ok() / seconds;
  }

  /** Ok reads per second. */
  public double readsPerSecond() {
    return seconds <= 0 ? 0 : reads.ok() / seconds;
  }

  /** Aborted attempts / attempts, 0 when there were none. */
  public double abortRatio() {
    return attempts == 0 ? 0 : (double) abortedAttempts / attempts;
  }

  /**
   * The statistics of {@code ops}.
   *
   * @param fromNanos ops invoked before this (the warm-up) are left out
   * @param seconds the measured time
   */
  public static Stats of(
      List<Op> ops, String writeF, long fromNanos, double seconds, long attempts, long aborted) {
    List<OpPair> measured =
        OpPair.pairs(ops).stream()
            .filter(p -> p.invoke().process() != Op.FINAL && p.invokeNanos() >= fromNanos)
            .toList();
    List<OpPair> writes = OpPair.withF(measured, writeF);
    List<OpPair> reads = OpPair.withF(measured, "read");
    return new Stats(
        counts(writes),
        counts(reads),
        seconds,
        attempts,
        aborted,
        latency(writes),
        latency(reads),
        topErrors(measured));
  }

  private static Counts counts(List<OpPair> pairs) {
    long ok = pairs.stream().filter(p -> p.outcome() == Op.Type.OK).count();
    long fail = pairs.stream().filter(p -> p.outcome() == Op.Type.FAIL).count();
    return new Counts(ok, fail, pairs.size() - ok - fail);
  }

  private static Map<String, Long> topErrors(List<OpPair> pairs) {
    Map<String, Long> counts =
        pairs.stream()
            .filter(p -> p.completion() != null && p.completion().error() != null)
            .collect(Collectors.groupingBy(p -> p.completion().error(), Collectors.counting()));
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP_ERRORS)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static Percentiles latency(List<OpPair> pairs) {
    return Percentiles.of(
        pairs.stream().filter(OpPair::ok).mapToLong(p -> p.completion().latencyNanos()).toArray());
  }
}
