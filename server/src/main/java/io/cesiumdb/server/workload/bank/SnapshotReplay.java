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
 * every account as the balances at setup plus exactly the transfers committed at or below {@code
 * r}, replayed in commit-timestamp order. A wrong total only shows a half-applied transfer; this
 * also shows a whole transfer on the wrong side of the snapshot, a consistent cut at another
 * timestamp, and a lost update that kept the total — and names the accounts that differ.
 *
 * <p>Reads are taken in snapshot order, each against the one before: the previous read's balances
 * plus the known transfers committed between the two snapshots. Transfers whose outcome is unknown
 * ({@code info}, or ok without a timestamp) may have committed in between: a read that differs is
 * bad only if no set of the unknown transfers not yet seen, invoked before it completed and linked
 * to the differing accounts, explains the difference; the smallest such set is taken as seen from
 * then on (a transfer commits once). A read that differs for no reason is reported, and the next
 * one is compared with what it should have shown. When the search passes {@link #MAX_STEPS} the
 * read is left undecided, not called bad ({@link Counts}). Reads without a timestamp are not
 * judged.
 *
 * <p>Rejected: replaying every read from the start, which made every unknown transfer of the run a
 * candidate for every later read: with a dozen unknowns the search gave up on correct histories.
 */
final class SnapshotReplay {
  /** The anomaly type. */
  static final String TYPE = "snapshot-mismatch";

  /** Subset-search steps per read before it is left undecided. */
  static final int MAX_STEPS = 200_000;

  /** What the replay judged: reads compared, explained by unknown transfers, left undecided. */
  record Counts(int checked, int explainedByUnknown, int undecided) {}

  private final Map<Long, Long> initial;
  private final List<Transfer> known = new ArrayList<>();
  private final List<Transfer> unseen = new ArrayList<>();
  private int checked;
  private int explainedByUnknown;
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
      (transfer.ts() > 0 ? known : unseen).add(transfer);
    }
    known.sort(Comparator.comparingLong(Transfer::ts));
  }

  /** Adds every read that no replay explains to {@code bad}. */
  Counts check(List<OpPair> reads, BadReads bad) {
    List<OpPair> stamped =
        reads.stream()
            .filter(r -> r.ok() && r.completion().dbTs() != 0)
            .sorted(Comparator.comparingLong(r -> r.completion().dbTs()))
            .toList();
    Map<Long, Long> base = new TreeMap<>(initial);
    int next = 0;
    for (OpPair read : stamped) {
      long r = read.completion().dbTs();
      Map<Long, Long> expected = new TreeMap<>(base);
      while (next < known.size() && known.get(next).ts() <= r) {
        move(expected, known.get(next++), 1);
      }
      checked++;
      base = judge(read, r, expected, bad);
    }
    return new Counts(checked, explainedByUnknown, undecided);
  }

  /** Judges one read; returns the balances the next read is compared with. */
  private Map<Long, Long> judge(OpPair read, long r, Map<Long, Long> expected, BadReads bad) {
    Map<Long, Long> seen = balances(read);
    Map<Long, Long> diff = diff(seen, expected);
    if (diff.isEmpty()) {
      return seen;
    }
    Search search = new Search(candidates(diff.keySet(), read.completeNanos()), diff);
    List<Transfer> cause = search.smallest();
    if (cause != null) {
      explainedByUnknown++;
      unseen.removeAll(cause);
      return seen;
    }
    if (search.gaveUp()) {
      undecided++;
      return seen;
    }
    bad.add(read, badness(diff), describe(r, seen, expected, diff));
    return expected;
  }

  private static Map<Long, Long> balances(OpPair read) {
    Map<Long, Long> seen = new TreeMap<>();
    ((Map<?, ?>) read.result()).forEach((k, v) -> seen.put((Long) k, (Long) v));
    return seen;
  }

  private static void move(Map<Long, Long> balances, Transfer t, int sign) {
    balances.merge(t.from(), -sign * t.amount(), Long::sum);
    balances.merge(t.to(), sign * t.amount(), Long::sum);
  }

  /** Seen minus expected, per account that differs (accounts missing on either side count). */
  private static Map<Long, Long> diff(Map<Long, Long> seen, Map<Long, Long> expected) {
    Map<Long, Long> diff = new TreeMap<>();
    Set<Long> ids = new HashSet<>(seen.keySet());
    ids.addAll(expected.keySet());
    for (Long id : ids) {
      long d = seen.getOrDefault(id, 0L) - expected.getOrDefault(id, 0L);
      if (d != 0) {
        diff.put(id, d);
      }
    }
    return diff;
  }

  /** Unseen unknown transfers invoked before the read completed, linked to the accounts. */
  private List<Transfer> candidates(Set<Long> accounts, long readCompleteNanos) {
    Set<Long> reach = new HashSet<>(accounts);
    List<Transfer> rest = new ArrayList<>();
    for (Transfer t : unseen) {
      if (t.invokeNanos() < readCompleteNanos) {
        rest.add(t);
      }
    }
    List<Transfer> out = new ArrayList<>();
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

  /** The smallest set of candidates whose replay removes the difference, by increasing size. */
  private static final class Search {
    private final List<Transfer> candidates;
    private final Map<Long, Long> diff;
    private final List<Transfer> chosen = new ArrayList<>();
    private int steps;

    Search(List<Transfer> candidates, Map<Long, Long> diff) {
      this.candidates = candidates;
      this.diff = new TreeMap<>(diff);
    }

    List<Transfer> smallest() {
      for (int size = 1; size <= candidates.size() && !gaveUp(); size++) {
        if (choose(0, size)) {
          return List.copyOf(chosen);
        }
      }
      return null;
    }

    boolean gaveUp() {
      return steps > MAX_STEPS;
    }

    /** Tries every set of {@code left} more candidates from index {@code i} on. */
    private boolean choose(int i, int left) {
      if (++steps > MAX_STEPS) {
        return false;
      }
      if (left == 0) {
        return diff.values().stream().allMatch(v -> v == 0);
      }
      for (int j = i; j <= candidates.size() - left; j++) {
        Transfer t = candidates.get(j);
        // Counting the transfer in moves the expectation, so the difference moves the other way.
        move(diff, t, -1);
        chosen.add(t);
        boolean found = choose(j + 1, left - 1);
        if (found) {
          return true;
        }
        chosen.remove(chosen.size() - 1);
        move(diff, t, 1);
      }
      return false;
    }
  }

  private static long badness(Map<Long, Long> diff) {
    return diff.values().stream().mapToLong(Math::abs).sum();
  }

  private String describe(
      long r, Map<Long, Long> seen, Map<Long, Long> expected, Map<Long, Long> diff) {
    StringBuilder s =
        new StringBuilder("snapshot ts ").append(r).append(" differs from the replay:");
    for (Long id : diff.keySet()) {
      s.append(" account ").append(id).append(" seen ").append(seen.get(id));
      s.append(", replayed ").append(expected.get(id)).append(';');
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
