package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.codec.TableRowCodec;
import io.cesiumdb.sql.types.ValueCoercer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * INSERT, UPSERT, UPDATE and DELETE at run time (Calcite's own TableModify only does INSERT and a
 * broken DELETE; ../shared/design/dependencies.md §3.2). Input rows, as the plan produces them:
 *
 * <ul>
 *   <li>INSERT / UPSERT: the new row, every column in table order (defaults already filled in);
 *   <li>DELETE: the stored row;
 *   <li>UPDATE: the stored row followed by the new values of the updated columns.
 * </ul>
 *
 * Every value is fitted to its column ({@link ValueCoercer}: NOT NULL → 23502, ranges, lengths).
 * INSERT of a key that exists is {@code UNIQUE_VIOLATION} (23505); UPSERT replaces the row. The
 * whole input is read before the first write (no Halloween problem), an UPDATE that moves rows to
 * new keys deletes every old key before it claims any new one, and writes reach the transaction
 * only when the statement has succeeded ({@link StatementWrites}). Returns the row count.
 *
 * <p>Stashed into generated code like {@link ScanOperator}: public, immutable, thread-safe.
 */
public final class ModifyOperator {
  /** The statement. */
  public enum Kind {
    INSERT,
    UPSERT,
    UPDATE,
    DELETE
  }

  private final Kind kind;
  private final TableDef table;
  private final TableRowCodec codec;
  private final int[] updateColumns;

  /** {@code updateColumns}: table positions of the updated columns (UPDATE only). */
  public ModifyOperator(Kind kind, TableDef table, int[] updateColumns) {
    this.kind = kind;
    this.table = table;
    this.codec = TableRowCodec.of(table);
    this.updateColumns = updateColumns.clone();
  }

  public Kind kind() {
    return kind;
  }

  /** Called by generated code: applies the statement, returns one row, the row count. */
  public Enumerable<Long> execute(DataContext ctx, Enumerable<Object[]> input) {
    KvTxn txn = ExecContext.txn(ctx);
    if (txn.readOnly()) {
      throw new CesiumException(
          ErrorCode.TXN_READ_ONLY, kind + " is not allowed in a read-only transaction");
    }
    List<Object[]> rows = input.toList();
    StatementWrites writes = new StatementWrites(txn, table.getTableId());
    switch (kind) {
      case INSERT, UPSERT -> insert(rows, writes);
      case DELETE -> delete(rows, writes);
      case UPDATE -> update(rows, writes);
    }
    writes.flush();
    return Linq4j.singletonEnumerable((long) rows.size());
  }

  private void insert(List<Object[]> rows, StatementWrites writes) {
    for (Object[] in : rows) {
      Object[] row = fit(in, table.getColumnsCount());
      ByteString key = key(row);
      if (kind == Kind.INSERT && writes.exists(key)) {
        throw duplicate(row);
      }
      writes.put(key, value(row));
    }
  }

  private void delete(List<Object[]> rows, StatementWrites writes) {
    for (Object[] in : rows) {
      writes.delete(key(fit(in, table.getColumnsCount())));
    }
  }

  private void update(List<Object[]> rows, StatementWrites writes) {
    int n = table.getColumnsCount();
    List<Object[]> moved = new ArrayList<>();
    List<ByteString> movedFrom = new ArrayList<>();
    for (Object[] in : rows) {
      Object[] next = Arrays.copyOf(in, n);
      for (int i = 0; i < updateColumns.length; i++) {
        next[updateColumns[i]] = in[n + i];
      }
      next = fit(next, n);
      ByteString oldKey = key(fit(in, n));
      ByteString newKey = key(next);
      if (oldKey.equals(newKey)) {
        writes.put(newKey, value(next));
      } else {
        moved.add(next);
        movedFrom.add(oldKey);
      }
    }
    movedFrom.forEach(writes::delete);
    for (Object[] row : moved) {
      ByteString key = key(row);
      if (writes.exists(key)) {
        throw duplicate(row);
      }
      writes.put(key, value(row));
    }
  }

  /** The first {@code n} values of {@code in}, each fitted to its column. */
  private Object[] fit(Object[] in, int n) {
    Object[] row = new Object[n];
    List<ColumnDef> columns = table.getColumnsList();
    for (int i = 0; i < n; i++) {
      row[i] = ValueCoercer.coerce(columns.get(i), in[i]);
    }
    return row;
  }

  private ByteString key(Object[] row) {
    return ByteString.copyFrom(codec.encodeKey(row));
  }

  private ByteString value(Object[] row) {
    return ByteString.copyFrom(codec.encodeValue(row));
  }

  private CesiumException duplicate(Object[] row) {
    List<Object> key = new ArrayList<>();
    for (int i : codec.keyColumnIndexes()) {
      key.add(row[i]);
    }
    return new CesiumException(
        ErrorCode.UNIQUE_VIOLATION,
        "duplicate key value violates the primary key of "
            + table.getSchema()
            + "."
            + table.getName()
            + ": ("
            + String.join(", ", table.getPrimaryKeyList())
            + ") = "
            + key);
  }
}
