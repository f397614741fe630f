package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TabletDirectoryCacheTest {
  private final TabletDirectoryCache cache = new TabletDirectoryCache();

  static TabletDescriptor tablet(long id, String start, String end, long epoch) {
    return TabletDescriptor.newBuilder()
        .setTabletId(id)
        .setKeyspace(3)
        .setStartKey(ByteString.copyFromUtf8(start))
        .setEndKey(ByteString.copyFromUtf8(end))
        .setEpoch(epoch)
        .build();
  }

  static ByteString k(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void findsTheTabletWhoseRangeHoldsTheKeyAndMissesGaps() {
    cache.insert(tablet(1, "a", "m", 1));
    cache.insert(tablet(2, "p", "", 1));

    assertEquals(1, cache.find(3, k("a")).orElseThrow().getTabletId());
    assertEquals(1, cache.find(3, k("lzz")).orElseThrow().getTabletId());
    assertEquals(Optional.empty(), cache.find(3, k("m")));
    assertEquals(Optional.empty(), cache.find(3, k("0")));
    assertEquals(2, cache.find(3, k("zzz")).orElseThrow().getTabletId());
    assertEquals(Optional.empty(), cache.find(4, k("b")));
  }

  @Test
  void ordersKeysAsUnsignedBytes() {
    ByteString high = ByteString.copyFrom(new byte[] {(byte) 0xF0});
    cache.insert(tablet(1, "", "\u007f", 1));
    cache.insert(tablet(2, "\u007f", "", 1));

    assertEquals(2, cache.find(3, high).orElseThrow().getTabletId());
  }

  @Test
  void aNewDescriptorReplacesTheEntriesItOverlaps() {
    cache.insert(tablet(1, "a", "", 1));
    cache.insert(tablet(1, "a", "m", 2));
    cache.insert(tablet(2, "m", "", 1));

    assertEquals(List.of(tablet(1, "a", "m", 2), tablet(2, "m", "", 1)), cache.tablets(3));

    cache.insert(tablet(5, "c", "q", 1)); // overlaps both

    assertEquals(List.of(tablet(5, "c", "q", 1)), cache.tablets(3));
  }

  @Test
  void anOlderEpochOfACachedTabletIsRefused() {
    cache.insert(tablet(1, "a", "m", 2));

    assertFalse(cache.insert(tablet(1, "a", "", 1)));
    assertTrue(cache.insert(tablet(1, "a", "m", 2)));
    assertEquals(List.of(tablet(1, "a", "m", 2)), cache.tablets(3));
  }

  @Test
  void invalidatesByKeyAndByDescriptor() {
    TabletDescriptor one = tablet(1, "a", "m", 1);
    cache.insert(one);
    cache.insert(tablet(2, "m", "", 1));

    cache.invalidate(3, k("x"));
    cache.invalidate(tablet(1, "a", "m", 0)); // not the cached one: kept
    assertEquals(List.of(one), cache.tablets(3));

    cache.invalidate(one);
    assertEquals(0, cache.size());
  }
}
