package io.cesiumdb.tablet.txn.locks;

import static io.cesiumdb.tablet.txn.locks.LockFixtures.key;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LockSpanTest {

  @Test
  void keysOverlapOnlyThemselves() {
    assertTrue(key("a").overlaps(key("a")));
    assertFalse(key("a").overlaps(key("b")));
    assertFalse(key("a").overlaps(key("a\0")), "a's successor is a different key");
    assertTrue(key("a").isKey());
    assertFalse(range("a", "b").isKey());
  }

  @Test
  void rangesAreHalfOpen() {
    assertTrue(range("b", "d").overlaps(key("b")));
    assertTrue(range("b", "d").overlaps(key("c")));
    assertFalse(range("b", "d").overlaps(key("d")), "end is exclusive");
    assertFalse(range("b", "d").overlaps(range("d", "f")), "touching ranges are disjoint");
    assertTrue(range("b", "d").overlaps(range("c", "f")));
    assertTrue(range("a", "z").overlaps(range("c", "d")));
  }

  @Test
  void emptyEndIsUnbounded() {
    LockSpan tail = range("m", "");
    assertTrue(tail.isUnbounded());
    assertTrue(tail.overlaps(key("zzzz")));
    assertFalse(tail.overlaps(key("l")));
    assertTrue(tail.overlaps(range("a", "")));
    assertTrue(LockSpan.all().overlaps(key("")));
    assertTrue(LockSpan.all().contains(tail));
    assertFalse(range("m", "z").contains(tail));
  }

  @Test
  void bytesCompareUnsigned() {
    LockSpan high = LockSpan.key(new byte[] {(byte) 0xff});
    LockSpan low = LockSpan.range(new byte[] {0x00}, new byte[] {0x7f});
    assertFalse(low.overlaps(high), "0xff is above 0x7f when unsigned");
    assertTrue(LockSpan.range(new byte[] {0x10}, new byte[0]).overlaps(high));
  }

  @Test
  void containment() {
    assertTrue(range("a", "d").contains(key("c")));
    assertTrue(range("a", "d").contains(range("b", "d")));
    assertFalse(range("a", "d").contains(range("b", "e")));
    assertTrue(key("c").contains(key("c")));
  }

  @Test
  void equalityIsByContentAndKeysMatchTheirOneKeyRange() {
    assertEquals(key("a"), key("a"));
    assertEquals(key("a").hashCode(), key("a").hashCode());
    assertEquals(key("a"), range("a", "a\0"));
    assertTrue(range("a", "a\0").isKey());
  }

  @Test
  void emptyRangesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> range("b", "b"));
    assertThrows(IllegalArgumentException.class, () -> range("c", "b"));
  }

  @Test
  void accessorsReturnCopies() {
    LockSpan k = key("a");
    k.start()[0] = 'z';
    assertEquals(key("a"), k);
  }
}
