package io.cesiumdb.server.workload.bank;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a bank history: every ok read must see exactly the accounts 0..n-1, no negative balance,
 * and the initial total; and the final read must succeed and see the initial total ("no
 * acknowledged transfer lost"). Bad reads are reported per kind with the first, the worst and the
 * last one, as Jepsen's bank checker does. A wrong total read in a run that recorded timestamps
 * also lists the transfers that overlapped it in real time, each with its commit timestamp against
 * the read's snapshot ({@link TransfersAround}): the one whose half is missing shows there. Such a
 * run also gets the exact check, per account ({@link SnapshotReplay}, {@code snapshot-mismatch}):
 * every stamped read must equal the replay of the transfers committed at or below its snapshot.
 */
public final class BankChecker {
  private static final Logger LOG = LoggerFactory.getLogger(BankChecker.class);
  private final int accounts;
  private final long total;
  private final Map<Long, Long> initial;

  /** A checker for a table as a fresh load leaves it ({@link #initialBalance}). */
  public BankChecker(int accounts, long total) {
    this(accounts, total, initialBalances(accounts, total));
  }

  /**
   * A checker for a run that started from {@code initial} (read at setup: a run without {@code
   * --fresh} starts from where the last one left the table).
   */
  public BankChecker(int accounts, long total, Map<Long, Long> initial) {
    this.accounts = accounts;
    this.total = total;
    this.initial = Map.copyOf(initial);
  }

  /** The anomalies of {@code ops}; empty when valid. */
  public List<Anomaly> check(List<Op> ops) {
    List<OpPair> pairs = OpPair.pairs(ops);
    List<OpPair> reads = OpPair.withF(pairs, "read");
    List<OpPair> transfers = OpPair.withF(pairs, "transfer");
    BadReads wrongN = new BadReads("wrong-n");
    BadReads wrongTotal = new BadReads("wrong-total");
    BadReads negative = new BadReads("negative-value");
    BadReads mismatch = new BadReads(SnapshotReplay.TYPE);
    for (OpPair r : reads) {
      if (!r.ok()) {
        continue;
      }
      Map<?, ?> balances = (Map<?, ?>) r.result();
      if (balances.size() != accounts || !idsInRange(balances)) {
        wrongN.add(r, Math.abs(balances.size() - accounts) + 1, balances.size() + " accounts");
      }
      long sum = sum(balances);
      if (sum != total) {
        wrongTotal.add(
            r,
            Math.abs(sum - total),
            "total " + sum + " (expected " + total + ")" + TransfersAround.read(r, transfers));
      }
      long min = balances.values().stream().mapToLong(v -> (Long) v).min().orElse(0);
      if (min < 0) {
        negative.add(r, -min, "lowest balance " + min + " in " + balances);
      }
    }
    SnapshotReplay.Counts replay = new SnapshotReplay(initial, transfers).check(reads, mismatch);
    if (replay.checked() > 0) {
      LOG.info(
          "snapshot replay: {} stamped reads, {} explained by transfers of unknown outcome, {}"
              + " undecided (search too large)",
          replay.checked(),
          replay.explainedByUnknown(),
          replay.undecided());
    }
    List<Anomaly> out = new ArrayList<>();
    for (BadReads b : List.of(wrongN, wrongTotal, negative, mismatch)) {
      b.anomaly().ifPresent(out::add);
    }
    finalRead(reads).ifPresent(out::add);
    return out;
  }

  private Optional<Anomaly> finalRead(List<OpPair> reads) {
    OpPair last = null;
    for (OpPair r : reads) {
      if (r.invoke().process() == Op.FINAL && r.ok()) {
        last = r;
      }
    }
    if (last == null) {
      return Optional.of(
          new Anomaly("final-read", "no final read succeeded: cannot tell if transfers were lost"));
    }
    long sum = sum((Map<?, ?>) last.result());
    if (sum != total) {
      return Optional.of(
          new Anomaly(
              "lost-transfer",
              "the final read saw total " + sum + ", not " + total + ": " + last.result()));
    }
    return Optional.empty();
  }

  private boolean idsInRange(Map<?, ?> balances) {
    for (Object id : balances.keySet()) {
      long v = (Long) id;
      if (v < 0 || v >= accounts) {
        return false;
      }
    }
    return true;
  }

  /** Account {@code id}'s balance when the run starts: an even share, account 0 the remainder. */
  static long initialBalance(long id, int accounts, long total) {
    return total / accounts + (id == 0 ? total % accounts : 0);
  }

  private static Map<Long, Long> initialBalances(int accounts, long total) {
    Map<Long, Long> out = new TreeMap<>();
    for (long id = 0; id < accounts; id++) {
      out.put(id, initialBalance(id, accounts, total));
    }
    return out;
  }

  /** The sum of the balances of a read. */
  static long sum(Map<?, ?> balances) {
    long sum = 0;
    for (Object v : balances.values()) {
      sum += (Long) v;
    }
    return sum;
  }
}
