package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;

/**
 * A {@link KeyScan} evaluated for one execution: sorted, non-overlapping spans of encoded keys,
 * each a point ({@code get}) or a range ({@code scan}). An interval with a NULL operand matches
 * nothing (a key is never NULL and {@code k = NULL} is unknown), an empty range is dropped, and
 * overlapping spans (e.g. {@code k IN (?, ?)} bound to the same value) are merged, so rows come out
 * once each, in key order.
 */
final class KeySpans {
  /** {@code [start, end)}; end empty = unbounded; a point's end is {@code start + 0x00}. */
  record Span(ByteString start, ByteString end, boolean point) {
    KeyRange range() {
      return new KeyRange(start, end);
    }
  }

  private KeySpans() {}

  static List<Span> resolve(KeyScan scan, KeyCodec codec, DataContext ctx) {
    List<Span> spans = new ArrayList<>();
    for (KeyInterval i : scan.intervals()) {
      Span s = span(i, codec, ctx);
      if (s != null && (s.point() || !s.range().isEmpty())) {
        spans.add(s);
      }
    }
    spans.sort((a, b) -> WriteOverlay.ORDER.compare(a.start(), b.start()));
    return merge(spans);
  }

  private static Span span(KeyInterval interval, KeyCodec codec, DataContext ctx) {
    List<Object> prefix = new ArrayList<>();
    for (Operand o : interval.equals()) {
      Object v = KeyValues.forKey(codec.columns().get(prefix.size()), o.resolve(ctx));
      if (v == null) {
        return null;
      }
      prefix.add(v);
    }
    byte[] p = codec.encodePrefix(prefix);
    if (interval.isPoint(codec.columns().size())) {
      return new Span(ByteString.copyFrom(p), successor(p), true);
    }
    byte[] start = p;
    byte[] end = KeyRange.prefixEnd(p);
    if (interval.lower() != null) {
      byte[] b = bound(interval.lower(), prefix, codec, ctx);
      if (b == null) {
        return null;
      }
      start = interval.lower().inclusive() ? b : KeyRange.prefixEnd(b);
    }
    if (interval.upper() != null) {
      byte[] b = bound(interval.upper(), prefix, codec, ctx);
      if (b == null) {
        return null;
      }
      end = interval.upper().inclusive() ? KeyRange.prefixEnd(b) : b;
    }
    return new Span(ByteString.copyFrom(start), ByteString.copyFrom(end), false);
  }

  private static byte[] bound(
      KeyInterval.Bound bound, List<Object> prefix, KeyCodec codec, DataContext ctx) {
    Object v = KeyValues.forKey(codec.columns().get(prefix.size()), bound.value().resolve(ctx));
    if (v == null) {
      return null;
    }
    List<Object> key = new ArrayList<>(prefix);
    key.add(v);
    return codec.encodePrefix(key);
  }

  private static ByteString successor(byte[] key) {
    return ByteString.copyFrom(key).concat(ByteString.copyFrom(new byte[] {0}));
  }

  private static List<Span> merge(List<Span> sorted) {
    List<Span> out = new ArrayList<>();
    for (Span s : sorted) {
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last == null || !overlaps(last, s)) {
        out.add(s);
      } else if (!s.equals(last)) {
        out.set(out.size() - 1, new Span(last.start(), maxEnd(last.end(), s.end()), false));
      }
    }
    return out;
  }

  private static boolean overlaps(Span first, Span next) {
    return first.end().isEmpty() || WriteOverlay.ORDER.compare(next.start(), first.end()) < 0;
  }

  private static ByteString maxEnd(ByteString a, ByteString b) {
    if (a.isEmpty() || b.isEmpty()) {
      return ByteString.EMPTY;
    }
    return WriteOverlay.ORDER.compare(a, b) >= 0 ? a : b;
  }
}
