package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Synthetic histories for checker tests: times in milliseconds, ops in the order added. */
public final class HistoryBuilder {
  private final List<Op> ops = new ArrayList<>();
  private final Map<Integer, Op> open = new HashMap<>();

  /** Process {@code p} invokes {@code f} with {@code value} at {@code ms}. */
  public HistoryBuilder invoke(int p, String f, Object value, long ms) {
    Op op = new Op(p, Op.Type.INVOKE, f, value, ms * 1_000_000, 0, null);
    open.put(p, op);
    ops.add(op);
    return this;
  }

  /** Process {@code p}'s open op completes ok with {@code value} at {@code ms}. */
  public HistoryBuilder ok(int p, Object value, long ms) {
    return complete(p, Op.Type.OK, value, ms);
  }

  /** Process {@code p}'s open op fails at {@code ms}. */
  public HistoryBuilder fail(int p, long ms) {
    return complete(p, Op.Type.FAIL, null, ms);
  }

  /** Process {@code p}'s open op ends unknown at {@code ms}. */
  public HistoryBuilder info(int p, long ms) {
    return complete(p, Op.Type.INFO, null, ms);
  }

  /** A whole op: invoke at {@code from}, ok with {@code result} at {@code to}. */
  public HistoryBuilder op(int p, String f, Object args, Object result, long from, long to) {
    return invoke(p, f, args, from).ok(p, result, to);
  }

  private HistoryBuilder complete(int p, Op.Type type, Object value, long ms) {
    Op inv = open.remove(p);
    long t = ms * 1_000_000;
    ops.add(
        new Op(p, type, inv.f(), value, t, t - inv.timeNanos(), type == Op.Type.OK ? null : "x"));
    return this;
  }

  /** Gives the last op added (a completion) the database timestamp {@code dbTs}. */
  public HistoryBuilder stamp(long dbTs) {
    ops.set(ops.size() - 1, ops.get(ops.size() - 1).withDbTs(dbTs));
    return this;
  }

  /** The ops, sorted by time (stable), as a real history is. */
  public List<Op> build() {
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(java.util.Comparator.comparingLong(Op::timeNanos));
    return sorted;
  }
}
