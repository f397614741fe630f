package io.cesiumdb.sql.codec;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A full table row ({@code Object[]} in declaration order, engine values) to and from its KV pair:
 * the primary-key columns become the key ({@link KeyCodec}), the others the value ({@link
 * RowValueCodec}). What the executor uses to write and read rows. Immutable and thread-safe.
 */
public final class TableRowCodec {
  private final TableDef table;
  private final KeyCodec keyCodec;
  private final RowValueCodec valueCodec;
  private final int[] keyIndexes;
  private final int[] valueIndexes;

  private TableRowCodec(TableDef table) {
    this.table = table;
    this.keyCodec = KeyCodec.of(table);
    this.valueCodec = RowValueCodec.of(table);
    Map<String, Integer> position = new HashMap<>();
    List<ColumnDef> columns = table.getColumnsList();
    for (int i = 0; i < columns.size(); i++) {
      position.put(columns.get(i).getName(), i);
    }
    this.keyIndexes = table.getPrimaryKeyList().stream().mapToInt(position::get).toArray();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!table.getPrimaryKeyList().contains(columns.get(i).getName())) {
        values.add(i);
      }
    }
    this.valueIndexes = values.stream().mapToInt(Integer::intValue).toArray();
  }

  public static TableRowCodec of(TableDef table) {
    return new TableRowCodec(table);
  }

  public TableDef table() {
    return table;
  }

  public KeyCodec keyCodec() {
    return keyCodec;
  }

  public RowValueCodec valueCodec() {
    return valueCodec;
  }

  /** Row positions of the key columns, in key order. */
  public int[] keyColumnIndexes() {
    return keyIndexes.clone();
  }

  public byte[] encodeKey(Object[] row) {
    return keyCodec.encode(pick(row, keyIndexes));
  }

  public byte[] encodeValue(Object[] row) {
    return valueCodec.encode(pick(row, valueIndexes));
  }

  /** The full row stored under {@code key} with {@code value}. */
  public Object[] decode(byte[] key, byte[] value) {
    Object[] row = new Object[table.getColumnsCount()];
    place(row, keyIndexes, keyCodec.decode(key));
    place(row, valueIndexes, valueCodec.decode(value));
    return row;
  }

  private Object[] pick(Object[] row, int[] indexes) {
    if (row.length != table.getColumnsCount()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, table has " + table.getColumnsCount() + " columns");
    }
    Object[] out = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = row[indexes[i]];
    }
    return out;
  }

  private static void place(Object[] row, int[] indexes, Object[] values) {
    for (int i = 0; i < indexes.length; i++) {
      row[indexes[i]] = values[i];
    }
  }
}
