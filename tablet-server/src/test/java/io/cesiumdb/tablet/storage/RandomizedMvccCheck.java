package io.cesiumdb.tablet.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives an {@link MvccStore} and an {@link MvccModel} with the same seeded random batches, range
 * deletes, reads and paged scans, and fails on the first difference, naming the seed and step. Keys
 * are short strings over {0x00, 0x01, 'a', 0xFF} in three keyspaces (one negative), so prefixes,
 * escapes and keyspace boundaries are exercised constantly.
 */
final class RandomizedMvccCheck {
  private static final long[] KEYSPACES = {-3, 0, 1};
  private static final int MAX_TS = 40;

  private final MvccStore store;
  private final MvccModel model = new MvccModel();
  private final SplittableRandom random;
  private final long seed;
  private int step;

  RandomizedMvccCheck(MvccStore store, long seed) {
    this.store = store;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** Runs {@code steps} random steps, then compares every key at every timestamp. */
  void run(int steps) {
    for (step = 0; step < steps; step++) {
      int dice = random.nextInt(100);
      if (dice < 55) {
        applyRandomBatch();
      } else if (dice < 60) {
        applyRandomDeleteRange();
      } else if (dice < 80) {
        checkRead(keyspace(), key(), ts());
      } else {
        checkPagedScan();
      }
    }
    checkEverything();
  }

  private void applyRandomBatch() {
    try (MvccWriteBatch batch = store.newBatch()) {
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        long ks = keyspace();
        byte[] key = key();
        long ts = ts();
        if (random.nextInt(4) == 0) {
          batch.tombstone(ks, key, ts);
          model.tombstone(ks, key, ts);
        } else {
          byte[] value = TestBytes.smallKey(random, 3);
          batch.put(ks, key, ts, value);
          model.put(ks, key, ts, value);
        }
      }
      store.apply(batch);
    }
  }

  private void applyRandomDeleteRange() {
    long ks = keyspace();
    byte[] start = key();
    byte[] end = random.nextInt(4) == 0 ? null : key();
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(batch.deleteRange(ks, start, end));
    }
    if (end == null || java.util.Arrays.compareUnsigned(start, end) < 0) {
      model.deleteRange(ks, start, end);
    }
  }

  private void checkRead(long ks, byte[] key, long ts) {
    assertEquals(
        model.read(ks, key, ts),
        store.read(ks, key, ts),
        () -> where("read " + ks + "/" + TestBytes.hex(key) + "@" + ts));
  }

  private void checkPagedScan() {
    long ks = keyspace();
    byte[] start = random.nextInt(3) == 0 ? null : key();
    byte[] end = random.nextInt(3) == 0 ? null : key();
    long ts = ts();
    int limit = 1 + random.nextInt(5);
    List<VersionedValue> expected =
        (start != null && end != null && java.util.Arrays.compareUnsigned(start, end) >= 0)
            ? List.of()
            : model.scan(ks, start, end, ts);
    assertEquals(expected, scanAllPages(ks, start, end, ts, limit), () -> where("scan"));
  }

  private List<VersionedValue> scanAllPages(long ks, byte[] start, byte[] end, long ts, int limit) {
    List<VersionedValue> rows = new ArrayList<>();
    byte[] next = start;
    while (true) {
      ScanResult page = store.scan(ks, next, end, ts, limit);
      assertFalse(page.rows().isEmpty() && page.hasMore(), () -> where("empty page with more"));
      rows.addAll(page.rows());
      if (!page.hasMore()) {
        return rows;
      }
      next = page.resumeKey();
    }
  }

  private void checkEverything() {
    for (MvccModel.Key k : model.keys()) {
      for (long ts = 0; ts <= MAX_TS + 1; ts++) {
        checkRead(k.keyspace(), k.key(), ts);
      }
    }
    for (long ks : KEYSPACES) {
      for (long ts = 0; ts <= MAX_TS + 1; ts += 5) {
        List<VersionedValue> actual = store.scan(ks, null, null, ts, Integer.MAX_VALUE).rows();
        long at = ts;
        assertEquals(model.scan(ks, null, null, ts), actual, () -> where("full scan @" + at));
      }
    }
  }

  private long keyspace() {
    return KEYSPACES[random.nextInt(KEYSPACES.length)];
  }

  private byte[] key() {
    return TestBytes.smallKey(random, 3);
  }

  private long ts() {
    return random.nextInt(MAX_TS + 1);
  }

  private String where(String what) {
    return "seed=" + seed + " step=" + step + ": " + what;
  }
}
