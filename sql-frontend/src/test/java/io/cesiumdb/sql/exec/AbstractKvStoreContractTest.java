package io.cesiumdb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link KvTxn} / {@link KvStore} contract, run by every implementation: {@code
 * InMemoryKvStoreContractTest} here, and the coordinator adapter ({@link CoordinatorKvStore}) from
 * the multi-node tests module, which depends on this module's {@code test-jar} ({@code
 * <classifier>tests</classifier>}) and subclasses this class.
 *
 * <p>Subclasses give a fresh store per test ({@link #newStore()}) and two keyspaces that exist and
 * are empty when the test starts ({@link #keyspace()}, {@link #otherKeyspace()}: table ids). Tests
 * never run two read-write transactions on the same keys at once, so lock-based stores pass too.
 */
public abstract class AbstractKvStoreContractTest {
  protected KvStore store;

  /** A store for one test; called before each test. */
  protected abstract KvStore newStore();

  /** An existing, empty keyspace. */
  protected long keyspace() {
    return 1;
  }

  /** Another existing, empty keyspace, different from {@link #keyspace()}. */
  protected long otherKeyspace() {
    return 2;
  }

  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  @Test
  public void missingKeyReadsEmpty() {
    try (KvTxn t = store.begin()) {
      assertEquals(Optional.empty(), t.get(keyspace(), key(1)));
      assertEquals(List.of(), t.scan(keyspace(), KeyRange.all(), 0));
    }
  }

  @Test
  public void readsSeeOwnWritesBeforeCommit() {
    commit(put(1, "a"), put(2, "b"));
    try (KvTxn t = store.begin()) {
      t.put(keyspace(), key(3), value("c"));
      t.put(keyspace(), key(1), value("a2"));
      t.delete(keyspace(), key(2));
      assertEquals(Optional.of(value("c")), t.get(keyspace(), key(3)));
      assertEquals(Optional.of(value("a2")), t.get(keyspace(), key(1)));
      assertEquals(Optional.empty(), t.get(keyspace(), key(2)));
      assertEquals(List.of(entry(1, "a2"), entry(3, "c")), t.scan(keyspace(), KeyRange.all(), 0));
    }
  }

  @Test
  public void scanIsHalfOpenOrderedUnsignedAndLimited() {
    commit(put(0x01, "1"), put(0x7f, "7f"), put(0x80, "80"), put(0xff, "ff"));
    try (KvTxn t = store.begin()) {
      t.put(keyspace(), key(0x90), value("90"));
      t.delete(keyspace(), key(0x80));
      List<KvEntry> all = t.scan(keyspace(), KeyRange.all(), 0);
      assertEquals(
          List.of(entry(0x01, "1"), entry(0x7f, "7f"), entry(0x90, "90"), entry(0xff, "ff")), all);
      assertEquals(
          List.of(entry(0x7f, "7f"), entry(0x90, "90")),
          t.scan(keyspace(), range(0x7f, 0xff), 0),
          "end is exclusive, start inclusive");
      assertEquals(
          List.of(entry(0x90, "90"), entry(0xff, "ff")),
          t.scan(keyspace(), KeyRange.of(new byte[] {(byte) 0x81}, new byte[0]), 0),
          "an empty end is unbounded");
      assertEquals(
          List.of(entry(0x01, "1"), entry(0x7f, "7f")), t.scan(keyspace(), KeyRange.all(), 2));
      assertEquals(List.of(), t.scan(keyspace(), range(0x90, 0x90), 0), "empty range");
    }
  }

  @Test
  public void prefixRangeSelectsKeysWithThePrefix() {
    commit(putRaw(bytes(1, 1), "x"), putRaw(bytes(1, 2), "y"), putRaw(bytes(2), "z"));
    try (KvTxn t = store.beginReadOnly()) {
      List<KvEntry> rows = t.scan(keyspace(), KeyRange.prefix(new byte[] {1}), 0);
      assertEquals(2, rows.size());
      assertEquals(value("y"), rows.get(1).value());
    }
  }

  @Test
  public void commitPublishesAllWritesAndRollbackNone() {
    try (KvTxn t = store.begin()) {
      t.put(keyspace(), key(1), value("a"));
      t.put(otherKeyspace(), key(1), value("other"));
      t.commit();
    }
    try (KvTxn t = store.begin()) {
      t.put(keyspace(), key(2), value("b"));
      t.delete(keyspace(), key(1));
      t.rollback();
    }
    try (KvTxn t = store.beginReadOnly()) {
      assertEquals(List.of(entry(1, "a")), t.scan(keyspace(), KeyRange.all(), 0));
      assertEquals(Optional.of(value("other")), t.get(otherKeyspace(), key(1)));
    }
  }

  @Test
  public void uncommittedWritesAreInvisibleToOthers() {
    try (KvTxn writer = store.begin()) {
      writer.put(keyspace(), key(5), value("pending"));
      try (KvTxn reader = store.beginReadOnly()) {
        assertEquals(Optional.empty(), reader.get(keyspace(), key(5)));
      }
    }
  }

  @Test
  public void readOnlyTransactionRejectsWritesAndReadsOneSnapshot() {
    commit(put(1, "old"));
    KvTxn ro = store.beginReadOnly();
    assertTrue(ro.readOnly());
    CesiumException e =
        assertThrows(CesiumException.class, () -> ro.put(keyspace(), key(1), value("x")));
    assertEquals(ErrorCode.TXN_READ_ONLY, e.code());
    assertEquals(
        ErrorCode.TXN_READ_ONLY,
        assertThrows(CesiumException.class, () -> ro.delete(keyspace(), key(1))).code());
    assertEquals(Optional.of(value("old")), ro.get(keyspace(), key(1)));
    commit(put(1, "new"), put(2, "added"));
    assertEquals(Optional.of(value("old")), ro.get(keyspace(), key(1)), "snapshot is fixed");
    assertEquals(List.of(entry(1, "old")), ro.scan(keyspace(), KeyRange.all(), 0));
    ro.commit();
  }

  @Test
  public void endedTransactionRefusesUseAndRollbackIsIdempotent() {
    KvTxn t = store.begin();
    assertFalse(t.readOnly());
    t.put(keyspace(), key(1), value("a"));
    t.commit();
    CesiumException e = assertThrows(CesiumException.class, () -> t.get(keyspace(), key(1)));
    assertEquals(ErrorCode.TXN_NOT_FOUND, e.code());
    assertThrows(CesiumException.class, () -> t.put(keyspace(), key(2), value("b")));
    assertThrows(CesiumException.class, t::commit);
    t.rollback();
    t.rollback();
    try (KvTxn r = store.beginReadOnly()) {
      assertEquals(Optional.of(value("a")), r.get(keyspace(), key(1)));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A write for {@link #commit}. */
  protected record Write(ByteString key, ByteString value) {}

  protected void commit(Write... writes) {
    try (KvTxn t = store.begin()) {
      for (Write w : writes) {
        t.put(keyspace(), w.key(), w.value());
      }
      t.commit();
    }
  }

  protected static Write put(int k, String v) {
    return new Write(key(k), value(v));
  }

  protected static Write putRaw(ByteString k, String v) {
    return new Write(k, value(v));
  }

  protected static ByteString key(int b) {
    return bytes(b);
  }

  protected static ByteString bytes(int... bs) {
    byte[] out = new byte[bs.length];
    for (int i = 0; i < bs.length; i++) {
      out[i] = (byte) bs[i];
    }
    return ByteString.copyFrom(out);
  }

  protected static ByteString value(String s) {
    return ByteString.copyFromUtf8(s);
  }

  protected static KvEntry entry(int k, String v) {
    return new KvEntry(key(k), value(v));
  }

  protected static KeyRange range(int start, int end) {
    return KeyRange.of(new byte[] {(byte) start}, new byte[] {(byte) end});
  }
}
