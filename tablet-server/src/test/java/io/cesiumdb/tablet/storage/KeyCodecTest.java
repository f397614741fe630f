package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.TestBytes.b;
import static io.cesiumdb.tablet.storage.TestBytes.bytes;
import static io.cesiumdb.tablet.storage.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests of the on-disk key formats: {@link KeyCodec} (data) and {@link MetaKeyCodec} (meta). */
class KeyCodecTest {
  private static final long SEED = 20261122L;

  /** The order the data encoding must reproduce: keyspace, user key, then newest version first. */
  private static final Comparator<MvccKey> LOGICAL =
      Comparator.comparingLong(MvccKey::keyspace)
          .thenComparing(MvccKey::userKey, Arrays::compareUnsigned)
          .thenComparing(Comparator.comparingLong(MvccKey::ts).reversed());

  @Test
  void dataKeyLayoutIsPinned() {
    // keyspace 1 | 'a' 0x00 'b' escaped | terminator | ~5
    assertEquals(
        "8000000000000001" + "6100ff62" + "0001" + "fffffffffffffffa",
        hex(KeyCodec.encode(1, bytes(0x61, 0x00, 0x62), 5)));
    assertEquals(
        "7fffffffffffffff" + "0001" + "ffffffffffffffff", hex(KeyCodec.encode(-1, b(""), 0)));
  }

  @Test
  void metaKeyLayoutIsPinned() {
    assertEquals(
        "800000000000000b" + hex(b("applied_index")),
        hex(MetaKeyCodec.encode(11, "applied_index")));
    byte[] key = MetaKeyCodec.encode(-4, "n\u00e4me");
    assertEquals(-4, MetaKeyCodec.decodeTabletId(key));
    assertEquals("n\u00e4me", MetaKeyCodec.decodeName(key));
  }

  @Test
  void randomKeysRoundTripAndSortInLogicalOrder() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 20_000; i++) {
      MvccKey x = randomKey(random);
      MvccKey y = random.nextInt(4) == 0 ? nearby(random, x) : randomKey(random);
      byte[] ex = encode(x);
      byte[] ey = encode(y);
      String where = "seed=" + SEED + " i=" + i + " " + x + " vs " + y;
      assertEquals(x, KeyCodec.decode(ex), where);
      assertEquals(
          Integer.signum(LOGICAL.compare(x, y)),
          Integer.signum(Arrays.compareUnsigned(ex, ey)),
          where);
    }
  }

  @Test
  void encodedUserKeysArePrefixFree() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 20_000; i++) {
      byte[] a = TestBytes.smallKey(random, 4);
      byte[] b = TestBytes.smallKey(random, 4);
      byte[] pa = KeyCodec.keyPrefix(0, a);
      byte[] pb = KeyCodec.keyPrefix(0, b);
      boolean prefix = pa.length < pb.length && Arrays.equals(pa, Arrays.copyOf(pb, pa.length));
      assertFalse(prefix, "seed=" + SEED + " " + hex(a) + " is a prefix of " + hex(b));
    }
  }

  @Test
  void rangeBoundsEncloseExactlyTheirKeys() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 5_000; i++) {
      long ks = random.nextLong(-3, 3);
      byte[] key = TestBytes.smallKey(random, 4);
      byte[] encoded = KeyCodec.encode(ks, key, random.nextLong(0, Long.MAX_VALUE));
      String where = "seed=" + SEED + " i=" + i;
      assertTrue(Arrays.compareUnsigned(KeyCodec.rangeStart(ks, null), encoded) <= 0, where);
      assertTrue(Arrays.compareUnsigned(encoded, KeyCodec.rangeEnd(ks, null)) < 0, where);
      assertTrue(Arrays.compareUnsigned(KeyCodec.rangeEnd(ks - 1, null), encoded) <= 0, where);
      assertTrue(Arrays.compareUnsigned(encoded, KeyCodec.afterAllVersions(encoded)) < 0, where);
      byte[] longer = Arrays.copyOf(key, key.length + 1);
      byte[] nextKey = KeyCodec.encode(ks, longer, Long.MAX_VALUE);
      assertTrue(Arrays.compareUnsigned(KeyCodec.afterAllVersions(encoded), nextKey) <= 0, where);
    }
  }

  @Test
  void metaKeysOfATabletStayInsideItsRange() {
    for (long tablet : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE - 1}) {
      byte[] key = MetaKeyCodec.encode(tablet, "\uffff\uffff");
      assertTrue(Arrays.compareUnsigned(MetaKeyCodec.tabletStart(tablet), key) < 0);
      assertTrue(Arrays.compareUnsigned(key, MetaKeyCodec.tabletEnd(tablet)) < 0);
    }
  }

  @Test
  void prefixEndIsTheSmallestGreaterPrefix() {
    assertEquals("0102", hex(OrderedBytes.prefixEnd(bytes(0x01, 0x01))));
    assertEquals("02", hex(OrderedBytes.prefixEnd(bytes(0x01, 0xFF))));
    assertNull(OrderedBytes.prefixEnd(bytes(0xFF, 0xFF)));
    assertNull(OrderedBytes.prefixEnd(bytes()));
  }

  @Test
  void invalidInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encode(0, b("k"), -1));
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encode(Long.MAX_VALUE, b("k"), 1));
    assertThrows(IllegalArgumentException.class, () -> MetaKeyCodec.encode(Long.MAX_VALUE, "n"));
    assertThrows(IllegalArgumentException.class, () -> MetaKeyCodec.encode(1, ""));
    byte[] good = KeyCodec.encode(0, b("k"), 1);
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.decode(Arrays.copyOf(good, 9)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KeyCodec.decode(
                HexFormat.of().parseHex("8000000000000000" + "6100aa" + "0001" + "00")));
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyCodec.decode(Arrays.copyOf(good, good.length + 1)),
        "trailing bytes");
  }

  private static byte[] encode(MvccKey k) {
    return KeyCodec.encode(k.keyspace(), k.userKey(), k.ts());
  }

  private static MvccKey randomKey(SplittableRandom random) {
    long ks =
        random.nextInt(3) == 0
            ? random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)
            : random.nextLong(-2, 3);
    long ts = random.nextInt(3) == 0 ? random.nextLong(0, Long.MAX_VALUE) : random.nextLong(0, 5);
    return new MvccKey(ks, TestBytes.smallKey(random, 4), ts);
  }

  /** Returns a key sharing the keyspace and often the user key, so ties are well covered. */
  private static MvccKey nearby(SplittableRandom random, MvccKey k) {
    byte[] key = random.nextBoolean() ? k.userKey() : TestBytes.smallKey(random, 4);
    return new MvccKey(k.keyspace(), key, random.nextLong(0, 5));
  }
}
