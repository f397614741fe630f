package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A multi-version ordered store in memory, for executor and session tests. Every commit gets the
 * next timestamp and writes a version of each key; a read-only transaction reads at the timestamp
 * of the last commit before it began; a read-write transaction reads the latest versions (as the
 * coordinator's locked reads do) and, at commit, fails with {@code TXN_CONFLICT} (retryable) if
 * another transaction committed a key it writes after it began (first committer wins). No read
 * locks and no wound-wait: enough for tests, not a concurrency-control model. Thread-safe (one
 * monitor).
 */
public final class InMemoryKvStore implements KvStore {
  private final Map<Long, NavigableMap<ByteString, NavigableMap<Long, Optional<ByteString>>>> data =
      new HashMap<>();
  private long lastCommitTs;

  @Override
  public KvTxn begin() {
    return new InMemoryKvTxn(this, false, lastCommitTs());
  }

  @Override
  public KvTxn beginReadOnly() {
    return new InMemoryKvTxn(this, true, lastCommitTs());
  }

  /** The timestamp of the latest commit (0 before the first). */
  public synchronized long lastCommitTs() {
    return lastCommitTs;
  }

  /** Number of live keys in {@code keyspace} now: for tests. */
  public synchronized int size(long keyspace) {
    return scan(keyspace, KeyRange.all(), Long.MAX_VALUE).size();
  }

  synchronized Optional<ByteString> read(long keyspace, ByteString key, long ts) {
    NavigableMap<Long, Optional<ByteString>> versions = keyspace(keyspace).get(key);
    if (versions == null) {
      return Optional.empty();
    }
    Map.Entry<Long, Optional<ByteString>> v = versions.floorEntry(ts);
    return v == null ? Optional.empty() : v.getValue();
  }

  synchronized List<KvEntry> scan(long keyspace, KeyRange range, long ts) {
    List<KvEntry> out = new ArrayList<>();
    if (range.isEmpty()) {
      return out;
    }
    NavigableMap<ByteString, NavigableMap<Long, Optional<ByteString>>> ks = keyspace(keyspace);
    var slice =
        range.end().isEmpty()
            ? ks.tailMap(range.start(), true)
            : ks.subMap(range.start(), true, range.end(), false);
    for (var e : slice.entrySet()) {
      Map.Entry<Long, Optional<ByteString>> v = e.getValue().floorEntry(ts);
      if (v != null && v.getValue().isPresent()) {
        out.add(new KvEntry(e.getKey(), v.getValue().get()));
      }
    }
    return out;
  }

  synchronized long commit(WriteOverlay writes, long startTs) {
    if (writes.isEmpty()) {
      return lastCommitTs;
    }
    for (var ks : writes.all().entrySet()) {
      for (ByteString key : ks.getValue().keySet()) {
        var versions = keyspace(ks.getKey()).get(key);
        if (versions != null && versions.lastKey() > startTs) {
          throw new CesiumException(
              ErrorCode.TXN_CONFLICT, "key written by a transaction that committed meanwhile");
        }
      }
    }
    long ts = ++lastCommitTs;
    for (var ks : writes.all().entrySet()) {
      for (var w : ks.getValue().entrySet()) {
        keyspace(ks.getKey())
            .computeIfAbsent(w.getKey(), k -> new TreeMap<>())
            .put(ts, w.getValue());
      }
    }
    return ts;
  }

  private NavigableMap<ByteString, NavigableMap<Long, Optional<ByteString>>> keyspace(long ks) {
    return data.computeIfAbsent(ks, k -> new TreeMap<>(WriteOverlay.ORDER));
  }
}
