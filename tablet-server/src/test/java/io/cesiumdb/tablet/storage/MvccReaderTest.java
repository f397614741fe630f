package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.TestBytes.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@link MvccReader} skips old versions by seeking: the number of cursor moves of a
 * scan grows with the number of keys, not the number of versions.
 */
class MvccReaderTest {
  private static final int VERSIONS = 1000;

  private final NavigableMap<byte[], byte[]> data =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  private final CountingView view =
      new CountingView(
          new InMemoryRawView(
              data, new ConcurrentSkipListMap<>(Arrays::compareUnsigned), new ReadGate("test")));
  private final MvccReader reader = new MvccReader(view);

  MvccReaderTest() {
    for (String key : List.of("a", "b", "c")) {
      for (long ts = 1; ts <= VERSIONS; ts++) {
        data.put(KeyCodec.encode(1, b(key), ts), ValueCodec.put(b(key + ts)));
      }
    }
  }

  @Test
  void scanAtTheNewestTimestampSeeksOncePerKey() {
    assertEquals(3, reader.scan(1, null, null, Long.MAX_VALUE, 10).rows().size());
    assertTrue(view.moves <= 4, "cursor moves: " + view.moves);
  }

  @Test
  void scanAtAMiddleTimestampSeeksTwicePerKeyAtMost() {
    List<VersionedValue> rows = reader.scan(1, null, null, VERSIONS / 2, 10).rows();
    assertEquals(List.of(500L, 500L, 500L), rows.stream().map(VersionedValue::ts).toList());
    assertTrue(view.moves <= 7, "cursor moves: " + view.moves);
  }

  @Test
  void pointReadIsOneSeek() {
    assertEquals(250, reader.read(1, b("b"), 250).orElseThrow().ts());
    assertEquals(1, view.moves);
  }

  /** Counts seek and next calls on every cursor it opens. */
  private static final class CountingView implements RawView {
    private final RawView inner;
    int moves;

    CountingView(RawView inner) {
      this.inner = inner;
    }

    @Override
    public RawCursor dataCursor(byte[] lower, byte[] upper) {
      RawCursor cursor = inner.dataCursor(lower, upper);
      return new RawCursor() {
        @Override
        public void seek(byte[] key) {
          moves++;
          cursor.seek(key);
        }

        @Override
        public void next() {
          moves++;
          cursor.next();
        }

        @Override
        public boolean isValid() {
          return cursor.isValid();
        }

        @Override
        public byte[] key() {
          return cursor.key();
        }

        @Override
        public byte[] value() {
          return cursor.value();
        }

        @Override
        public void close() {
          cursor.close();
        }
      };
    }

    @Override
    public RawCursor metaCursor(byte[] lower, byte[] upper) {
      return inner.metaCursor(lower, upper);
    }

    @Override
    public byte[] getMeta(byte[] metaKey) {
      return inner.getMeta(metaKey);
    }
  }
}
