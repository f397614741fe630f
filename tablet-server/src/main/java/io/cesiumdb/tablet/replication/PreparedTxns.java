package io.cesiumdb.tablet.replication;

import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two-phase-commit transactions prepared at one tablet replica and not yet resolved
 * (docs/design/transactions.md §3.6, §5): their writes wait here, invisible, until a {@code
 * ResolveTxn} applies them at the commit timestamp or drops them. While one is prepared at {@code
 * p}, the replica's safe time stays below {@code p}: its commit timestamp is {@code >= p}.
 *
 * <p>Durable as one meta entry ({@value #META}: length-delimited {@code PrepareTxn} records),
 * rewritten in the batch of every prepare and resolve, so it moves with the applied index and
 * travels in tablet snapshots. The set is small (transactions prepared at once on one tablet).
 *
 * <p>Threading: changes are staged by apply handlers on the group's apply thread and become visible
 * with {@link #publish()}, which the state machine calls after the entry's batch is in the store —
 * so a resolved transaction's writes are readable before its prepare stops holding safe time back.
 * Readers on any thread see a consistent immutable view.
 */
public final class PreparedTxns {
  static final String META = "prepared_txns";

  private final long tabletId;
  private volatile Map<String, PrepareTxn> visible = Map.of();
  private Map<String, PrepareTxn> staged;

  public PreparedTxns(long tabletId) {
    this.tabletId = tabletId;
  }

  /** Loads the durable set (at start, and after a snapshot was installed). */
  void load(MvccReadView store) {
    Map<String, PrepareTxn> loaded = new LinkedHashMap<>();
    Optional<byte[]> bytes = store.getMeta(tabletId, META).filter(b -> b.length > 0);
    bytes.ifPresent(b -> decode(b).forEach(p -> loaded.put(p.getTxnId(), p)));
    staged = null;
    visible = Map.copyOf(loaded);
  }

  /** Apply thread: records a prepare in {@code batch}; visible after {@link #publish()}. */
  public void stageAdd(PrepareTxn prepared, MvccWriteBatch batch) {
    Map<String, PrepareTxn> next = staging();
    next.put(prepared.getTxnId(), prepared);
    batch.putMeta(tabletId, META, encode(next.values()));
  }

  /** Apply thread: removes a prepare in {@code batch}; the record as it was, if there was one. */
  public Optional<PrepareTxn> stageRemove(String txnId, MvccWriteBatch batch) {
    Map<String, PrepareTxn> next = staging();
    PrepareTxn removed = next.remove(txnId);
    if (removed != null) {
      batch.putMeta(tabletId, META, encode(next.values()));
    }
    return Optional.ofNullable(removed);
  }

  /** The record of {@code txnId} as staged so far by this entry (apply thread). */
  public Optional<PrepareTxn> stagedOrVisible(String txnId) {
    Map<String, PrepareTxn> m = staged != null ? staged : visible;
    return Optional.ofNullable(m.get(txnId));
  }

  /** Apply thread, after the batch is in the store: staged changes become visible. */
  void publish() {
    if (staged != null) {
      visible = Map.copyOf(staged);
      staged = null;
    }
  }

  /** Apply thread: the entry was not applied; forget what it staged. */
  void discard() {
    staged = null;
  }

  private Map<String, PrepareTxn> staging() {
    if (staged == null) {
      staged = new LinkedHashMap<>(visible);
    }
    return staged;
  }

  public boolean isEmpty() {
    return visible.isEmpty();
  }

  public Optional<PrepareTxn> get(String txnId) {
    return Optional.ofNullable(visible.get(txnId));
  }

  public List<PrepareTxn> all() {
    return List.copyOf(visible.values());
  }

  /** The lowest prepare timestamp, or {@link Long#MAX_VALUE} when nothing is prepared. */
  public long minPrepareTs() {
    return minOf(visible);
  }

  /**
   * The highest prepare timestamp at or below {@code ts}, or 0 when nothing is prepared there: a
   * read at {@code ts} must wait until it is resolved (and with it every lower one).
   */
  public long maxPrepareTsUpTo(long ts) {
    long max = 0;
    for (PrepareTxn p : visible.values()) {
      if (p.getPrepareTs() <= ts) {
        max = Math.max(max, p.getPrepareTs());
      }
    }
    return max;
  }

  private static long minOf(Map<String, PrepareTxn> m) {
    long min = Long.MAX_VALUE;
    for (PrepareTxn p : m.values()) {
      min = Math.min(min, p.getPrepareTs());
    }
    return min;
  }

  private static byte[] encode(Iterable<PrepareTxn> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (PrepareTxn p : records) {
        p.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private List<PrepareTxn> decode(byte[] bytes) {
    List<PrepareTxn> out = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      PrepareTxn p;
      while ((p = PrepareTxn.parseDelimitedFrom(in)) != null) {
        out.add(p);
      }
    } catch (IOException e) {
      throw new StorageException("corrupt " + META + " of tablet " + tabletId, e);
    }
    return out;
  }
}
