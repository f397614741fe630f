package io.cesiumdb.tablet.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.storage.MvccKey;
import io.cesiumdb.tablet.storage.MvccModel;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.ScanResult;
import io.cesiumdb.tablet.storage.VersionCursor;
import io.cesiumdb.tablet.storage.VersionedValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded check of {@link VersionGc} against {@link MvccModel}: random puts and tombstones at random
 * timestamps over a handful of keys (prefixes and 0x00/0xFF bytes included) in two keyspaces, then
 * GC of a random range (bounds ordered, sometimes empty) of one keyspace at a random horizon h in
 * bounded batches resumed at {@link GcResult#resumeKey}. After every batch, every point read and
 * every scan (whole and paged) at every ts in [h, max ts + 1] must answer as the un-collected
 * model; at the end, every key's versions must be exactly the minimal set. Messages name the seed.
 */
final class RandomizedGcCheck {
  static final long KS = 7;
  static final long OTHER_KS = -7;
  private static final long[] KEYSPACES = {KS, OTHER_KS};
  private static final int MAX_TS = 30;
  private static final int[] BOUNDS = {1, 2, 3, 5, 1000};
  private static final List<byte[]> KEYS =
      List.of(
          bytes(),
          bytes(0x00),
          bytes(0x00, 0x00),
          bytes(0x61),
          bytes(0x61, 0x00),
          bytes(0x61, 0x62),
          bytes(0x62),
          bytes(0xFF));

  private final MvccStore store;
  private final MvccModel model = new MvccModel();
  private final SplittableRandom random;
  private final long seed;
  private final List<String> trace = new ArrayList<>();
  private long horizon;
  private byte[] start;
  private byte[] end;
  private int maxVersions;
  private int cutBatches;
  private int removals;

  RandomizedGcCheck(MvccStore store, long seed) {
    this.store = store;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** Writes random history and collects it; returns the trace of results and removals. */
  List<String> run() {
    populate();
    collect();
    verify();
    trace.add("final " + actualVersions(KS) + " " + actualVersions(OTHER_KS));
    return trace;
  }

  /** Returns how many batches ended with a resume key. */
  int cutBatches() {
    return cutBatches;
  }

  /** Returns how many versions GC removed in all. */
  int removals() {
    return removals;
  }

  /** Writes 20–39 random batches of 1–4 puts or tombstones, mirrored in the model. */
  void populate() {
    for (int batches = 20 + random.nextInt(20); batches > 0; batches--) {
      try (MvccWriteBatch batch = store.newBatch()) {
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          writeOne(batch);
        }
        store.apply(batch);
      }
    }
  }

  private void writeOne(MvccWriteBatch batch) {
    long ks = random.nextInt(5) == 0 ? OTHER_KS : KS;
    byte[] key = KEYS.get(random.nextInt(KEYS.size()));
    long ts = random.nextInt(MAX_TS + 1);
    if (random.nextInt(3) == 0) {
      batch.tombstone(ks, key, ts);
      model.tombstone(ks, key, ts);
    } else {
      byte[] value = {(byte) random.nextInt(256)};
      batch.put(ks, key, ts, value);
      model.put(ks, key, ts, value);
    }
  }

  /** Picks h, the range and the bound, then collects batch after batch until done. */
  void collect() {
    horizon = random.nextInt(MAX_TS + 3);
    start = randomBound();
    end = randomBound();
    if (start != null && end != null && Arrays.compareUnsigned(start, end) > 0) {
      byte[] swap = start;
      start = end;
      end = swap;
    }
    maxVersions = BOUNDS[random.nextInt(BOUNDS.length)];
    byte[] from = start;
    for (int calls = 1; ; calls++) {
      GcResult result = collectOnce(from);
      checkReadsFromHorizon();
      removals += (int) result.removed();
      if (result.done()) {
        return;
      }
      cutBatches++;
      assertEquals(maxVersions, result.removed(), () -> where("a cut batch is a full batch"));
      assertTrue(calls < 10_000, () -> where("no progress"));
      from = result.resumeKey();
    }
  }

  private GcResult collectOnce(byte[] from) {
    try (RecordingBatch batch = new RecordingBatch(store.newBatch())) {
      GcResult result = VersionGc.collect(store, KS, from, end, horizon, batch, maxVersions);
      store.apply(batch.inner());
      assertEquals(batch.removals().size(), result.removed(), () -> where("removed count"));
      trace.add(result.removed() + " " + hex(result.resumeKey()) + " " + batch.removals());
      return result;
    }
  }

  /** Checks reads from h up and that every key keeps exactly its minimal set of versions. */
  void verify() {
    checkReadsFromHorizon();
    for (long ks : KEYSPACES) {
      assertEquals(expectedVersions(ks), actualVersions(ks), () -> where("versions of ks " + ks));
    }
  }

  /**
   * Removes one version GC had to keep in its range (a negative control) and returns which, or
   * returns empty if GC kept nothing there (an empty range, or only tombstones below h).
   */
  Optional<String> removeOneKeptVersion() {
    for (MvccModel.Key k : model.keys()) {
      List<String> left = actualVersions(k.keyspace()).get(hex(k.key()));
      if (k.keyspace() == KS && inGcRange(k.key()) && left != null) {
        long ts = Long.parseLong(left.get(left.size() - 1).split(" ")[0]);
        try (MvccWriteBatch batch = store.newBatch()) {
          store.apply(batch.deleteVersion(KS, k.key(), ts));
        }
        return Optional.of(where("removed " + hex(k.key()) + "@" + ts));
      }
    }
    return Optional.empty();
  }

  private void checkReadsFromHorizon() {
    for (long ts = horizon; ts <= MAX_TS + 1; ts++) {
      long at = ts;
      for (MvccModel.Key k : model.keys()) {
        assertEquals(
            model.read(k.keyspace(), k.key(), ts),
            store.read(k.keyspace(), k.key(), ts),
            () -> where("read " + k.keyspace() + "/" + hex(k.key()) + "@" + at));
      }
      for (long ks : KEYSPACES) {
        List<VersionedValue> expected = model.scan(ks, null, null, ts);
        assertEquals(expected, store.scan(ks, null, null, ts, 1000).rows(), () -> where("scan"));
        assertEquals(expected, pagedScan(ks, ts), () -> where("paged scan @" + at));
      }
    }
  }

  private List<VersionedValue> pagedScan(long ks, long ts) {
    List<VersionedValue> rows = new ArrayList<>();
    byte[] next = null;
    do {
      ScanResult page = store.scan(ks, next, null, ts, 2);
      rows.addAll(page.rows());
      next = page.resumeKey();
    } while (next != null);
    return rows;
  }

  /** Per key of {@code ks}: "ts" or "ts del", newest first, as the model says GC should leave. */
  private Map<String, List<String>> expectedVersions(long ks) {
    Map<String, List<String>> out = new TreeMap<>();
    for (MvccModel.Key k : model.keys()) {
      if (k.keyspace() != ks) {
        continue;
      }
      NavigableMap<Long, byte[]> history = model.history(ks, k.key());
      boolean collected = ks == KS && inGcRange(k.key());
      Long kept = history.floorKey(horizon);
      List<String> versions = new ArrayList<>();
      for (Map.Entry<Long, byte[]> v : history.descendingMap().entrySet()) {
        boolean tombstone = v.getValue() == null;
        long ts = v.getKey();
        if (!collected || ts > horizon || (ts == kept && !tombstone)) {
          versions.add(ts + (tombstone ? " del" : ""));
        }
      }
      if (!versions.isEmpty()) {
        out.put(hex(k.key()), versions);
      }
    }
    return out;
  }

  private Map<String, List<String>> actualVersions(long ks) {
    Map<String, List<String>> out = new TreeMap<>();
    try (VersionCursor c = store.versions(ks, null, null)) {
      for (; c.isValid(); c.next()) {
        MvccKey key = c.key();
        String version = key.ts() + (c.isTombstone() ? " del" : "");
        out.computeIfAbsent(hex(key.userKey()), x -> new ArrayList<>()).add(version);
      }
    }
    return out;
  }

  private boolean inGcRange(byte[] key) {
    boolean afterStart = start == null || Arrays.compareUnsigned(key, start) >= 0;
    return afterStart && (end == null || end.length == 0 || Arrays.compareUnsigned(key, end) < 0);
  }

  /** Null, empty (both "unbounded" to VersionGc) or one of the keys; equal bounds stay empty. */
  private byte[] randomBound() {
    int dice = random.nextInt(KEYS.size() + 2);
    return dice == 0 ? null : dice == 1 ? new byte[0] : KEYS.get(dice - 2);
  }

  private String where(String what) {
    return "seed="
        + seed
        + " h="
        + horizon
        + " range=["
        + hex(start)
        + ", "
        + hex(end)
        + ") max="
        + maxVersions
        + ": "
        + what;
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "null" : "'" + HexFormat.of().formatHex(bytes) + "'";
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
