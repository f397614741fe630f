package io.cesiumdb.sql.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.ValueOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded property tests of {@link KeyCodec}'s contract: byte order = SQL order, round trip, and the
 * prefix property behind key ranges. Failures name the seed; rerun with it to reproduce.
 */
class KeyCodecPropertyTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 42, 20261122})
  void singleColumnByteOrderIsSqlOrder(long seed) {
    RandomValues gen = new RandomValues(seed);
    for (ColumnDef c : RandomValues.COLUMNS) {
      KeyCodec codec = new KeyCodec(List.of(c));
      List<Object> values = new ArrayList<>();
      List<byte[]> keys = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        values.add(gen.value(c));
        keys.add(codec.encode(values.get(i)));
      }
      for (int i = 0; i < values.size(); i++) {
        Object a = values.get(i);
        for (int j = 0; j < values.size(); j++) {
          Object b = values.get(j);
          int sql = Integer.signum(ValueOrder.compare(c.getType(), a, b));
          int bytes = Integer.signum(Arrays.compareUnsigned(keys.get(i), keys.get(j)));
          assertEquals(
              sql, bytes, () -> "seed " + seed + " " + c.getType() + ": " + a + " vs " + b);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 42, 20261122})
  void everyValueRoundTrips(long seed) {
    RandomValues gen = new RandomValues(seed);
    for (ColumnDef c : RandomValues.COLUMNS) {
      KeyCodec codec = new KeyCodec(List.of(c));
      for (int i = 0; i < 500; i++) {
        Object v = gen.value(c);
        Object back = codec.decode(codec.encode(v))[0];
        assertEquals(normalized(c, v), back, () -> "seed " + seed + " " + c.getType() + ": " + v);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6, 7})
  void compositeKeysOrderRoundTripAndPrefixRanges(long seed) {
    RandomValues gen = new RandomValues(seed);
    for (int round = 0; round < 25; round++) {
      List<ColumnDef> key = randomKey(gen);
      KeyCodec codec = new KeyCodec(key);
      List<Object[]> tuples = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Object[] t = new Object[key.size()];
        for (int j = 0; j < t.length; j++) {
          // A small pool per column makes equal prefixes common.
          t[j] = i % 3 == 0 && !tuples.isEmpty() ? tuples.get(i / 3)[j] : gen.value(key.get(j));
        }
        tuples.add(t);
      }
      for (Object[] a : tuples) {
        byte[] ea = codec.encode(a);
        assertArrayEquals(normalized(key, a), codec.decode(ea), "seed " + seed);
        for (Object[] b : tuples) {
          byte[] eb = codec.encode(b);
          assertEquals(
              Integer.signum(compareTuples(key, a, b)),
              Integer.signum(Arrays.compareUnsigned(ea, eb)),
              "seed " + seed);
          checkPrefixRanges(codec, key, a, b, ea, eb, seed);
        }
      }
    }
  }

  private static void checkPrefixRanges(
      KeyCodec codec,
      List<ColumnDef> key,
      Object[] a,
      Object[] b,
      byte[] ea,
      byte[] eb,
      long seed) {
    for (int k = 1; k <= key.size(); k++) {
      byte[] prefix = codec.encodePrefix(Arrays.asList(a).subList(0, k));
      assertArrayEquals(
          prefix, Arrays.copyOf(ea, prefix.length), "prefix of own key, seed " + seed);
      boolean samePrefix = compareTuples(key.subList(0, k), a, b) == 0;
      KeyRange range = KeyRange.prefix(prefix);
      assertEquals(
          samePrefix,
          range.contains(com.google.protobuf.ByteString.copyFrom(eb)),
          "k=" + k + " seed " + seed);
    }
  }

  private static List<ColumnDef> randomKey(RandomValues gen) {
    int n = 1 + gen.random().nextInt(3);
    List<ColumnDef> key = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ColumnDef c = RandomValues.COLUMNS.get(gen.random().nextInt(RandomValues.COLUMNS.size()));
      key.add(c.toBuilder().setName("K" + i).build());
    }
    return key;
  }

  static int compareTuples(List<ColumnDef> key, Object[] a, Object[] b) {
    for (int i = 0; i < key.size(); i++) {
      int c = ValueOrder.compare(key.get(i).getType(), a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Object[] normalized(List<ColumnDef> key, Object[] t) {
    Object[] out = new Object[t.length];
    for (int i = 0; i < t.length; i++) {
      out[i] = normalized(key.get(i), t[i]);
    }
    return out;
  }

  /** What decoding must return: -0.0 as 0.0; NaNs compare equal under Double.equals anyway. */
  private static Object normalized(ColumnDef c, Object v) {
    return c.getType() == ColumnType.DOUBLE ? (Object) ValueOrder.normalize((Double) v) : v;
  }

  static {
    assertTrue(RandomValues.COLUMNS.size() >= 10, "every type is covered");
  }
}
