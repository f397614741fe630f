package io.cesiumdb.server.workload.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An invocation and its completion, or no completion when the run ended while it was in flight
 * (then it counts as {@code info}).
 *
 * @param invoke the invocation
 * @param completion the completion, or null
 */
public record OpPair(Op invoke, Op completion) {

  /** How it ended; {@code INFO} when it never completed. */
  public Op.Type outcome() {
    return completion == null ? Op.Type.INFO : completion.type();
  }

  /** Whether it completed ok. */
  public boolean ok() {
    return outcome() == Op.Type.OK;
  }

  /** When it was invoked. */
  public long invokeNanos() {
    return invoke.timeNanos();
  }

  /** When it completed; {@link Long#MAX_VALUE} when it never did. */
  public long completeNanos() {
    return completion == null ? Long.MAX_VALUE : completion.timeNanos();
  }

  /** The completion's value (an ok read's result), or null. */
  public Object result() {
    return completion == null ? null : completion.value();
  }

  /** Pairs every client invocation in {@code ops} with its completion, in invocation order. */
  public static List<OpPair> pairs(List<Op> ops) {
    List<OpPair> out = new ArrayList<>();
    Map<Integer, Integer> open = new HashMap<>();
    for (Op op : ops) {
      if (!op.isClient()) {
        continue;
      }
      if (op.type() == Op.Type.INVOKE) {
        open.put(op.process(), out.size());
        out.add(new OpPair(op, null));
      } else {
        Integer at = open.remove(op.process());
        if (at != null) {
          out.set(at, new OpPair(out.get(at).invoke(), op));
        }
      }
    }
    return out;
  }

  /** The pairs whose function is {@code f}. */
  public static List<OpPair> withF(List<OpPair> pairs, String f) {
    return pairs.stream().filter(p -> p.invoke().f().equals(f)).toList();
  }
}
