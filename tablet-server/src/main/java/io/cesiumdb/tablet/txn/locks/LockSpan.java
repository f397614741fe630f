package io.cesiumdb.tablet.txn.locks;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a lock covers: one key, or the half-open key range {@code [start, end)}. Keys are compared
 * as unsigned bytes ({@link Arrays#compareUnsigned}); an empty end means unbounded. A scan locks
 * its range, so an insert anywhere inside it conflicts with the scan's lock (no phantoms).
 *
 * <p>A key {@code k} is stored as the range {@code [k, k+0x00)}: {@code k+0x00} is the smallest key
 * greater than {@code k}, so one overlap test serves keys and ranges alike. Equality is by content.
 */
public final class LockSpan {
  private static final byte[] UNBOUNDED = new byte[0];
  private static final LockSpan ALL = new LockSpan(new byte[0], UNBOUNDED);

  private final byte[] start;
  private final byte[] end;
  private final boolean point;

  private LockSpan(byte[] start, byte[] end) {
    this.start = start;
    this.end = end;
    this.point =
        end.length == start.length + 1
            && end[start.length] == 0
            && Arrays.equals(start, 0, start.length, end, 0, start.length);
  }

  /** The span of exactly one key. */
  public static LockSpan key(byte[] key) {
    byte[] k = key.clone();
    return new LockSpan(k, Arrays.copyOf(k, k.length + 1));
  }

  /**
   * The keys in {@code [start, end)}; an empty {@code end} means every key from {@code start} on.
   *
   * @throws IllegalArgumentException when a bounded {@code end} is not greater than {@code start}
   */
  public static LockSpan range(byte[] start, byte[] end) {
    if (end.length > 0 && Arrays.compareUnsigned(start, end) >= 0) {
      throw new IllegalArgumentException("empty lock range [" + hex(start) + ", " + hex(end) + ")");
    }
    return new LockSpan(start.clone(), end.length == 0 ? UNBOUNDED : end.clone());
  }

  /** Every key: {@code ["", unbounded)}. */
  public static LockSpan all() {
    return ALL;
  }

  public byte[] start() {
    return start.clone();
  }

  /** The exclusive end; empty when unbounded. For a key {@code k} it is {@code k+0x00}. */
  public byte[] end() {
    return end.clone();
  }

  /** True when this span is exactly one key. */
  public boolean isKey() {
    return point;
  }

  public boolean isUnbounded() {
    return end.length == 0;
  }

  /** True when some key lies in both spans. */
  public boolean overlaps(LockSpan other) {
    return startsBeforeEndOf(this, other) && startsBeforeEndOf(other, this);
  }

  /** True when every key of {@code other} lies in this span. */
  public boolean contains(LockSpan other) {
    if (Arrays.compareUnsigned(start, other.start) > 0) {
      return false;
    }
    return isUnbounded() || (!other.isUnbounded() && Arrays.compareUnsigned(other.end, end) <= 0);
  }

  private static boolean startsBeforeEndOf(LockSpan a, LockSpan b) {
    return b.isUnbounded() || Arrays.compareUnsigned(a.start, b.end) < 0;
  }

  /** The start without a copy, for the index in this package. */
  byte[] startRef() {
    return start;
  }

  /** The end without a copy (empty when unbounded), for the index in this package. */
  byte[] endRef() {
    return end;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockSpan s && Arrays.equals(start, s.start) && Arrays.equals(end, s.end);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(start) + Arrays.hashCode(end);
  }

  @Override
  public String toString() {
    if (point) {
      return "key " + hex(start);
    }
    return "[" + hex(start) + ", " + (isUnbounded() ? "+inf" : hex(end)) + ")";
  }

  private static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
