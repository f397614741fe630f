package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.TestBytes.b;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One writer applies batches that each set keys "a" and "b" and meta "applied_index" to the same
 * round number while readers check, through scans and snapshots, that they never observe half a
 * batch. Bounded by round count, not by time; no sleeps.
 */
final class ConcurrentBatchCheck {
  private static final long KS = 5;
  private static final long TABLET = 5;

  private final MvccStore store;
  private final AtomicBoolean writerDone = new AtomicBoolean();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  ConcurrentBatchCheck(MvccStore store) {
    this.store = store;
  }

  /** Runs the writer and {@code readers} reader threads; returns the first failure or null. */
  Throwable run(int rounds, int readers) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    threads.add(new Thread(guarded(() -> write(rounds)), "writer"));
    for (int i = 0; i < readers; i++) {
      threads.add(new Thread(guarded(this::readUntilWriterDone), "reader-" + i));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    return failure.get();
  }

  private void write(int rounds) {
    try {
      for (long round = 1; round <= rounds; round++) {
        try (MvccWriteBatch batch = store.newBatch()) {
          batch.put(KS, b("a"), round, encode(round)).put(KS, b("b"), round, encode(round));
          store.apply(batch.putMeta(TABLET, "applied_index", encode(round)));
        }
      }
    } finally {
      writerDone.set(true);
    }
  }

  private void readUntilWriterDone() {
    while (!writerDone.get() && failure.get() == null) {
      List<VersionedValue> rows = store.scan(KS, null, null, Long.MAX_VALUE, 10).rows();
      if (rows.size() == 1 || (rows.size() == 2 && rows.get(0).ts() != rows.get(1).ts())) {
        throw new AssertionError("scan saw half a batch: " + rows);
      }
      try (MvccSnapshot snapshot = store.snapshot()) {
        long a = round(snapshot.read(KS, b("a"), Long.MAX_VALUE).map(VersionedValue::value));
        long b = round(snapshot.read(KS, b("b"), Long.MAX_VALUE).map(VersionedValue::value));
        long meta = round(snapshot.getMeta(TABLET, "applied_index"));
        if (a != b || a != meta) {
          throw new AssertionError("snapshot saw a=" + a + " b=" + b + " meta=" + meta);
        }
      }
    }
  }

  private Runnable guarded(Runnable body) {
    return () -> {
      try {
        body.run();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
  }

  private static byte[] encode(long round) {
    return ByteBuffer.allocate(Long.BYTES).putLong(round).array();
  }

  private static long round(Optional<byte[]> value) {
    return value.map(v -> ByteBuffer.wrap(v).getLong()).orElse(0L);
  }
}
