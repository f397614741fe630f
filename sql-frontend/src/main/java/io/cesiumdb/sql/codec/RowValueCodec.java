package io.cesiumdb.sql.codec;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.types.EngineValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Encodes the non-key columns of a row into the KV value. Not order-preserving; compact and
 * versioned:
 *
 * <pre>
 *   byte    format (1)
 *   varint  schema_version of the table definition the row was written under
 *   varint  n, the number of value columns
 *   bytes   NULL bitmap, ⌈n/8⌉ bytes, bit i (LSB first) set = column i is NULL
 *   then, for each non-NULL column in order:
 *     BIGINT, TIMESTAMP 8 bytes; INTEGER, DATE 4; SMALLINT 2; DOUBLE 8 (IEEE bits); BOOLEAN 1
 *     (all big-endian); DECIMAL zigzag-varint scale, varint length, unscaled two's complement;
 *     VARCHAR varint length + UTF-8; VARBINARY varint length + bytes
 * </pre>
 *
 * A codec is for one schema version. {@link #schemaVersion(byte[])} reads a stored row's version
 * without decoding it, so after an ALTER a reader picks the codec of the version the row was
 * written under (the value never needs rewriting at ALTER time). Immutable and thread-safe.
 */
public final class RowValueCodec {
  /** The first byte of every value; a later layout change gets a new number. */
  public static final int FORMAT = 1;

  private final long schemaVersion;
  private final List<ColumnDef> columns;

  public RowValueCodec(long schemaVersion, List<ColumnDef> valueColumns) {
    this.schemaVersion = schemaVersion;
    this.columns = List.copyOf(valueColumns);
  }

  /** The codec of {@code table}'s non-key columns, in declaration order, at its schema version. */
  public static RowValueCodec of(TableDef table) {
    Set<String> key = new HashSet<>(table.getPrimaryKeyList());
    List<ColumnDef> values = new ArrayList<>();
    for (ColumnDef c : table.getColumnsList()) {
      if (!key.contains(c.getName())) {
        values.add(c);
      }
    }
    return new RowValueCodec(table.getSchemaVersion(), values);
  }

  /** The schema version a stored value was written under. */
  public static long schemaVersion(byte[] value) {
    ByteReader r = new ByteReader(value, "row value");
    checkFormat(r);
    return r.readVarint();
  }

  public long schemaVersion() {
    return schemaVersion;
  }

  public List<ColumnDef> columns() {
    return columns;
  }

  /** One engine value (or null) per value column. */
  public byte[] encode(Object[] values) {
    if (values.length != columns.size()) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "row has " + columns.size() + " value columns, got " + values.length + " values");
    }
    ByteWriter w = new ByteWriter(16 + 8 * values.length);
    w.write(FORMAT);
    w.writeVarint(schemaVersion);
    w.writeVarint(values.length);
    byte[] nulls = new byte[(values.length + 7) / 8];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        nulls[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    w.write(nulls);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        write(w, columns.get(i), values[i]);
      }
    }
    return w.toByteArray();
  }

  /** The value columns of a row written by this codec's schema version. */
  public Object[] decode(byte[] value) {
    ByteReader r = new ByteReader(value, "row value");
    checkFormat(r);
    long version = r.readVarint();
    if (version != schemaVersion) {
      throw new CesiumException(
          ErrorCode.INTERNAL,
          "row written under schema version " + version + ", codec is for " + schemaVersion);
    }
    int n = r.readLength();
    if (n != columns.size()) {
      throw r.corrupt(n + " columns, schema version " + version + " has " + columns.size());
    }
    byte[] nulls = r.read((n + 7) / 8);
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      boolean isNull = (nulls[i / 8] & (1 << (i % 8))) != 0;
      out[i] = isNull ? null : read(r, columns.get(i));
    }
    r.expectEnd();
    return out;
  }

  private static void checkFormat(ByteReader r) {
    int format = r.read();
    if (format != FORMAT) {
      throw r.corrupt("unknown row format " + format);
    }
  }

  private static void write(ByteWriter w, ColumnDef c, Object v) {
    if (!EngineValues.javaClass(c.getType()).isInstance(v)) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "column " + c.getName() + " cannot hold a " + v.getClass().getSimpleName());
    }
    switch (c.getType()) {
      case BIGINT, TIMESTAMP -> w.writeBigEndian((Long) v, 8);
      case INTEGER, DATE -> w.writeBigEndian((Integer) v, 4);
      case SMALLINT -> w.writeBigEndian((Short) v, 2);
      case DOUBLE -> w.writeBigEndian(Double.doubleToRawLongBits((Double) v), 8);
      case BOOLEAN -> w.write((Boolean) v ? 1 : 0);
      case DECIMAL -> writeDecimal(w, (BigDecimal) v);
      case VARCHAR -> writeBlob(w, utf8(c, (String) v));
      case VARBINARY -> writeBlob(w, ((ByteString) v).getBytes());
      default -> throw new IllegalStateException("unreachable: " + c.getType());
    }
  }

  private static Object read(ByteReader r, ColumnDef c) {
    return switch (c.getType()) {
      case BIGINT, TIMESTAMP -> r.readBigEndian(8);
      case INTEGER, DATE -> (int) r.readBigEndian(4);
      case SMALLINT -> (short) r.readBigEndian(2);
      case DOUBLE -> Double.longBitsToDouble(r.readBigEndian(8));
      case BOOLEAN -> r.read() != 0;
      case DECIMAL -> readDecimal(r);
      case VARCHAR -> new String(r.read(r.readLength()), StandardCharsets.UTF_8);
      case VARBINARY -> new ByteString(r.read(r.readLength()));
      default -> throw new IllegalStateException("unreachable: " + c.getType());
    };
  }

  private static void writeDecimal(ByteWriter w, BigDecimal v) {
    int scale = v.scale();
    w.writeVarint(Integer.toUnsignedLong((scale << 1) ^ (scale >> 31)));
    writeBlob(w, v.unscaledValue().toByteArray());
  }

  private static BigDecimal readDecimal(ByteReader r) {
    long zigzag = r.readVarint();
    int scale = (int) (zigzag >>> 1) ^ -(int) (zigzag & 1);
    byte[] unscaled = r.read(r.readLength());
    if (unscaled.length == 0) {
      throw r.corrupt("decimal without digits");
    }
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  /** UTF-8, refusing unpaired surrogates (which {@code getBytes} would silently turn into '?'). */
  private static byte[] utf8(ColumnDef c, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isHighSurrogate(s.charAt(i))
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(s.charAt(i))) {
        throw new CesiumException(
            ErrorCode.INVALID_ARGUMENT, "column " + c.getName() + ": unpaired surrogate at " + i);
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void writeBlob(ByteWriter w, byte[] bytes) {
    w.writeVarint(bytes.length);
    w.write(bytes);
  }
}
