package io.cesiumdb.server.workload.bank;

import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exact check a run with recorded timestamps allows: a read at snapshot {@code r} must see
 * every account as the initial balances plus exactly the transfers committed at or below {@code r},
 * replayed in commit-timestamp order. A wrong total only shows a half-applied transfer; this also
 * shows a whole transfer on the wrong side of the snapshot, a consistent cut at another timestamp,
 * and a lost update that kept the total — and names the accounts that differ.
 *
 * <p>Transfers whose outcome is unknown ({@code info}, or ok without a timestamp) may be on either
 * side: a read that differs from the replay is bad only if no subset of the unknown transfers that
 * were invoked before it completed, and touch the differing accounts (transitively), explains the
 * difference. When that search grows past {@link #MAX_STEPS} the read is left undecided, not called
 * bad. Reads without a timestamp are not judged.
 */
final class SnapshotReplay {
  /** The anomaly type. */
  static final String TYPE = "snapshot-mismatch";

  /** Subset-search steps per read before it is left undecided. */
  static final int MAX_STEPS = 100_000;

  private final Map<Long, Long> initial;
  private final List<Transfer> known = new ArrayList<>();
  private final List<Transfer> unknown = new ArrayList<>();
  private int undecided;

  /** A transfer and, when known, its commit timestamp (0 = unknown). */
  record Transfer(long from, long to, long amount, long ts, long invokeNanos) {
    static Transfer of(OpPair p) {
      Map<?, ?> args = (Map<?, ?>) p.invoke().value();
      long ts = p.ok() ? p.completion().dbTs() : 0;
      return new Transfer(
          (Long) args.get("from"),
          (Long) args.get("to"),
          (Long) args.get("amount"),
          ts,
          p.invokeNanos());
    }

    String describe(long r) {
      return from + "->" + to + " " + amount + " @" + ts + (ts <= r ? " (<=)" : " (>)");
    }
  }

  SnapshotReplay(Map<Long, Long> initial, List<OpPair> transfers) {
    this.initial = initial;
    for (OpPair t : transfers) {
      if (t.outcome() == Op.Type.FAIL) {
        continue;
      }
      Transfer transfer = Transfer.of(t);
      (transfer.ts() > 0 ? known : unknown).add(transfer);
    }
    known.sort(Comparator.comparingLong(Transfer::ts));
  }

  /** Adds every read that no replay explains to {@code bad}. */
  void check(List<OpPair> reads, BadReads bad) {
    List<OpPair> stamped =
        reads.stream()
            .filter(r -> r.ok() && r.completion().dbTs() != 0)
            .sorted(Comparator.comparingLong(r -> r.completion().dbTs()))
            .toList();
    Map<Long, Long> replayed = new TreeMap<>(initial);
    int next = 0;
    for (OpPair read : stamped) {
      long r = read.completion().dbTs();
      while (next < known.size() && known.get(next).ts() <= r) {
        move(replayed, known.get(next++), 1);
      }
      Map<Long, Long> diff = diff(read, replayed);
      if (!diff.isEmpty() && !explained(diff, read.completeNanos())) {
        bad.add(read, badness(diff), describe(r, read, replayed, diff));
      }
    }
  }

  /** Reads whose difference the search could not decide within {@link #MAX_STEPS}. */
  int undecided() {
    return undecided;
  }

  private static void move(Map<Long, Long> balances, Transfer t, int sign) {
    balances.merge(t.from(), -sign * t.amount(), Long::sum);
    balances.merge(t.to(), sign * t.amount(), Long::sum);
  }

  /** Seen minus replayed, per account that differs (accounts missing on either side count). */
  private static Map<Long, Long> diff(OpPair read, Map<Long, Long> replayed) {
    Map<Long, Long> seen = new TreeMap<>();
    ((Map<?, ?>) read.result()).forEach((k, v) -> seen.put((Long) k, (Long) v));
    Map<Long, Long> diff = new TreeMap<>();
    Set<Long> ids = new HashSet<>(seen.keySet());
    ids.addAll(replayed.keySet());
    for (Long id : ids) {
      long d = seen.getOrDefault(id, 0L) - replayed.getOrDefault(id, 0L);
      if (d != 0) {
        diff.put(id, d);
      }
    }
    return diff;
  }

  private boolean explained(Map<Long, Long> diff, long readCompleteNanos) {
    List<Transfer> candidates = candidates(diff.keySet(), readCompleteNanos);
    Search search = new Search(candidates);
    boolean found = search.solve(0, new TreeMap<>(diff));
    if (!found && search.steps > MAX_STEPS) {
      undecided++;
      return true;
    }
    return found;
  }

  /** Unknown transfers invoked before the read completed, linked to the accounts by a chain. */
  private List<Transfer> candidates(Set<Long> accounts, long readCompleteNanos) {
    Set<Long> reach = new HashSet<>(accounts);
    List<Transfer> out = new ArrayList<>();
    List<Transfer> rest = new ArrayList<>();
    for (Transfer t : unknown) {
      if (t.invokeNanos() < readCompleteNanos) {
        rest.add(t);
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var it = rest.iterator(); it.hasNext(); ) {
        Transfer t = it.next();
        if (reach.contains(t.from()) || reach.contains(t.to())) {
          out.add(t);
          reach.add(t.from());
          reach.add(t.to());
          it.remove();
          grew = true;
        }
      }
    }
    return out;
  }

  /** Depth-first: is there a subset of the candidates whose replay removes the difference? */
  private static final class Search {
    private final List<Transfer> candidates;
    private int steps;

    Search(List<Transfer> candidates) {
      this.candidates = candidates;
    }

    boolean solve(int i, Map<Long, Long> diff) {
      if (++steps > MAX_STEPS) {
        return false;
      }
      if (diff.values().stream().allMatch(v -> v == 0)) {
        return true;
      }
      if (i == candidates.size()) {
        return false;
      }
      if (solve(i + 1, diff)) {
        return true;
      }
      // Counting the transfer in moves the replay, so the difference moves the other way.
      Map<Long, Long> with = new TreeMap<>(diff);
      move(with, candidates.get(i), -1);
      return solve(i + 1, with);
    }
  }

  private static long badness(Map<Long, Long> diff) {
    return diff.values().stream().mapToLong(Math::abs).sum();
  }

  private String describe(long r, OpPair read, Map<Long, Long> replayed, Map<Long, Long> diff) {
    StringBuilder s =
        new StringBuilder("snapshot ts ").append(r).append(" differs from the replay:");
    Map<?, ?> seen = (Map<?, ?>) read.result();
    for (Long id : diff.keySet()) {
      s.append(" account ").append(id).append(" seen ").append(seen.get(id));
      s.append(", replayed ").append(replayed.get(id)).append(';');
    }
    s.append(" nearest transfers of those accounts: ").append(nearest(diff.keySet(), r));
    return s.toString();
  }

  /** Up to three known transfers of {@code accounts} on each side of {@code r}. */
  private List<String> nearest(Set<Long> accounts, long r) {
    List<Transfer> touching =
        known.stream()
            .filter(t -> accounts.contains(t.from()) || accounts.contains(t.to()))
            .toList();
    int split = 0;
    while (split < touching.size() && touching.get(split).ts() <= r) {
      split++;
    }
    List<String> out = new ArrayList<>();
    for (int i = Math.max(0, split - 3); i < Math.min(touching.size(), split + 3); i++) {
      out.add(touching.get(i).describe(r));
    }
    return out;
  }
}
