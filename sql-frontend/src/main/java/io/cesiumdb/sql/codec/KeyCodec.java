package io.cesiumdb.sql.codec;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.types.EngineValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Encodes a table's primary-key tuple into the KV key (the keyspace, the table id, is separate).
 * Contract, for tuples {@code a}, {@code b} of engine values ({@link EngineValues}):
 *
 * <ul>
 *   <li>{@code compareUnsigned(encode(a), encode(b))} has the sign of the SQL comparison of {@code
 *       a} and {@code b}, column by column ({@link io.cesiumdb.sql.types.ValueOrder});
 *   <li>{@code decode(encode(a))} equals {@code a} (DECIMALs at the column's scale, {@code -0.0} as
 *       {@code 0.0}, every NaN as the canonical NaN);
 *   <li>{@code encodePrefix(first k values of a)} is a byte prefix of {@code encode(a)}, and of no
 *       key whose first k columns differ, so a filter on a key prefix is the range {@link
 *       KeyRange#prefix}.
 * </ul>
 *
 * Values must already have been coerced to their columns; NULL never appears in a key. Immutable
 * and thread-safe.
 */
public final class KeyCodec {
  private final List<ColumnDef> columns;

  public KeyCodec(List<ColumnDef> keyColumns) {
    if (keyColumns.isEmpty()) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "a key needs at least one column");
    }
    this.columns = List.copyOf(keyColumns);
  }

  /** The codec of {@code table}'s primary key, in key order. */
  public static KeyCodec of(TableDef table) {
    List<ColumnDef> key = new ArrayList<>();
    for (String name : table.getPrimaryKeyList()) {
      key.add(
          table.getColumnsList().stream()
              .filter(c -> c.getName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CesiumException(
                          ErrorCode.COLUMN_NOT_FOUND,
                          "primary key column " + name + " not found")));
    }
    return new KeyCodec(key);
  }

  /** The key columns, in key order. */
  public List<ColumnDef> columns() {
    return columns;
  }

  /** The key of a full tuple: one value per key column. */
  public byte[] encode(Object... values) {
    if (values.length != columns.size()) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "key has " + columns.size() + " columns, got " + values.length + " values");
    }
    return encodePrefix(Arrays.asList(values));
  }

  /** The encoding of the first {@code values.size()} key columns (0 values: the empty key). */
  public byte[] encodePrefix(List<?> values) {
    if (values.size() > columns.size()) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "key has " + columns.size() + " columns, got a prefix of " + values.size());
    }
    ByteWriter w = new ByteWriter(16 * values.size());
    for (int i = 0; i < values.size(); i++) {
      write(w, columns.get(i), values.get(i));
    }
    return w.toByteArray();
  }

  /** The tuple of a full key. */
  public Object[] decode(byte[] key) {
    ByteReader r = new ByteReader(key, "key");
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = read(r, columns.get(i));
    }
    r.expectEnd();
    return out;
  }

  private static void write(ByteWriter w, ColumnDef c, Object v) {
    Class<?> expected = EngineValues.javaClass(c.getType());
    if (!expected.isInstance(v)) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "key column "
              + c.getName()
              + " takes "
              + expected.getSimpleName()
              + ", got "
              + (v == null ? "NULL" : v.getClass().getSimpleName()));
    }
    switch (c.getType()) {
      case BIGINT, TIMESTAMP -> OrderedCodes.writeSigned(w, (Long) v, 8);
      case INTEGER, DATE -> OrderedCodes.writeSigned(w, (Integer) v, 4);
      case SMALLINT -> OrderedCodes.writeSigned(w, (Short) v, 2);
      case DOUBLE -> OrderedCodes.writeDouble(w, (Double) v);
      case DECIMAL -> OrderedDecimal.write(w, (BigDecimal) v);
      case VARCHAR -> OrderedCodes.writeString(w, (String) v);
      case BOOLEAN -> w.write((Boolean) v ? 1 : 0);
      case VARBINARY -> OrderedCodes.writeBytes(w, ((ByteString) v).getBytes());
      default -> throw new IllegalStateException("unreachable: " + c.getType());
    }
  }

  private static Object read(ByteReader r, ColumnDef c) {
    return switch (c.getType()) {
      case BIGINT, TIMESTAMP -> OrderedCodes.readSigned(r, 8);
      case INTEGER, DATE -> (int) OrderedCodes.readSigned(r, 4);
      case SMALLINT -> (short) OrderedCodes.readSigned(r, 2);
      case DOUBLE -> OrderedCodes.readDouble(r);
      case DECIMAL -> atScale(r, OrderedDecimal.read(r), c.getScale());
      case VARCHAR -> OrderedCodes.readString(r);
      case BOOLEAN -> readBoolean(r);
      case VARBINARY -> new ByteString(OrderedCodes.readBytes(r));
      default -> throw new IllegalStateException("unreachable: " + c.getType());
    };
  }

  private static BigDecimal atScale(ByteReader r, BigDecimal v, int scale) {
    try {
      return v.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw r.corrupt("decimal " + v + " has more than " + scale + " fractional digits");
    }
  }

  private static boolean readBoolean(ByteReader r) {
    int b = r.read();
    if (b > 1) {
      throw r.corrupt("bad boolean byte " + b);
    }
    return b == 1;
  }
}
