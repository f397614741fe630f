package io.cesiumdb.sql.codec;

import com.google.protobuf.ByteString;
import java.util.Arrays;

/**
 * A half-open range of keys {@code [start, end)} within one keyspace, in the conventions of the
 * tablet directory and {@code Transaction.scan}: unsigned lexicographic order, an empty {@code end}
 * is unbounded. Built from {@link KeyCodec} encodings:
 *
 * <pre>
 *   k1 = a                  prefix(enc(a))                    = [enc(a), prefixEnd(enc(a)))
 *   k1 = a AND k2 &gt;= b      [enc(a, b), prefixEnd(enc(a)))
 *   k1 = a AND k2 &gt;  b      [prefixEnd(enc(a, b)), prefixEnd(enc(a)))
 *   k1 = a AND k2 &lt;  b      [enc(a), enc(a, b))
 *   k1 = a AND k2 &lt;= b      [enc(a), prefixEnd(enc(a, b)))
 * </pre>
 */
public record KeyRange(ByteString start, ByteString end) {
  private static final KeyRange ALL = new KeyRange(ByteString.EMPTY, ByteString.EMPTY);

  /** The whole keyspace. */
  public static KeyRange all() {
    return ALL;
  }

  /** Every key that starts with {@code prefix}. */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(wrap(prefix), wrap(prefixEnd(prefix)));
  }

  /** {@code [start, end)}; an empty {@code end} is unbounded. */
  public static KeyRange of(byte[] start, byte[] end) {
    return new KeyRange(wrap(start), wrap(end));
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}: drop trailing 0xFF bytes
   * and add one to the last byte. Empty (unbounded) when there is none (empty or all 0xFF).
   */
  public static byte[] prefixEnd(byte[] prefix) {
    int n = prefix.length;
    while (n > 0 && prefix[n - 1] == (byte) 0xFF) {
      n--;
    }
    if (n == 0) {
      return new byte[0];
    }
    byte[] end = Arrays.copyOf(prefix, n);
    end[n - 1]++;
    return end;
  }

  /** True when {@code start <= key < end}. */
  public boolean contains(ByteString key) {
    return ByteString.unsignedLexicographicalComparator().compare(start, key) <= 0
        && (end.isEmpty() || ByteString.unsignedLexicographicalComparator().compare(key, end) < 0);
  }

  /** True when no key can be inside. */
  public boolean isEmpty() {
    return !end.isEmpty()
        && ByteString.unsignedLexicographicalComparator().compare(start, end) >= 0;
  }

  private static ByteString wrap(byte[] bytes) {
    return ByteString.copyFrom(bytes);
  }
}
