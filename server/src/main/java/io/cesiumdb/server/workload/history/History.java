package io.cesiumdb.server.workload.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The ops of one run, appended concurrently by workers and the nemesis scheduler. Times are
 * nanoseconds since the history was created, from {@link System#nanoTime()}.
 */
public final class History {
  private final long origin;
  private final List<Op> ops = new ArrayList<>();

  /** A history whose time zero is now. */
  public History() {
    this.origin = System.nanoTime();
  }

  /** A history holding these ops (tests, replays). */
  public static History of(List<Op> ops) {
    History h = new History();
    h.ops.addAll(ops);
    return h;
  }

  /** Nanoseconds since the run started. */
  public long now() {
    return System.nanoTime() - origin;
  }

  /** Records an invocation; returns it (its time is the start of the completion's latency). */
  public synchronized Op invoke(int process, String f, Object value) {
    Op op = new Op(process, Op.Type.INVOKE, f, value, now(), 0, null);
    ops.add(op);
    return op;
  }

  /** Records the completion of {@code invoke}. */
  public synchronized Op complete(Op invoke, Op.Type type, Object value, String error) {
    long t = now();
    Op op = new Op(invoke.process(), type, invoke.f(), value, t, t - invoke.timeNanos(), error);
    ops.add(op);
    return op;
  }

  /**
   * Adds the database's timestamp to {@code completion}, recorded earlier (asked after it
   * completed, so the op keeps its completion time and its place in the history).
   */
  public synchronized void stamp(Op completion, long dbTs) {
    int i = ops.lastIndexOf(completion);
    if (i >= 0) {
      ops.set(i, completion.withDbTs(dbTs));
    }
  }

  /** Records a nemesis event ({@code start} or {@code stop}) with what it did. */
  public synchronized Op nemesis(String f, String description) {
    Op op = new Op(Op.NEMESIS, Op.Type.INFO, f, description, now(), 0, null);
    ops.add(op);
    return op;
  }

  /** A snapshot of the ops so far, in time order. */
  public synchronized List<Op> ops() {
    return List.copyOf(ops);
  }

  /** The client ops paired up. */
  public List<OpPair> pairs() {
    return OpPair.pairs(ops());
  }
}
