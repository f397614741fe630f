package io.cesiumdb.sql.session;

import java.util.List;

/**
 * The outcome of one statement. {@link Kind#ROWS}: {@code columns} and {@code rows} (each row an
 * {@code Object[]} of engine values, see {@code io.cesiumdb.sql.types.EngineValues}: DATE is {@code
 * Integer} days, TIMESTAMP {@code Long} millis, VARBINARY Avatica {@code ByteString}); {@link
 * Kind#UPDATE_COUNT}: rows inserted, updated or deleted; {@link Kind#OK}: DDL and transaction
 * control. Rows are fully materialised.
 */
public record SqlResult(
    Kind kind, List<ResultColumn> columns, List<Object[]> rows, long updateCount) {
  /** What the statement returned. */
  public enum Kind {
    ROWS,
    UPDATE_COUNT,
    OK
  }

  public SqlResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static SqlResult ok() {
    return new SqlResult(Kind.OK, List.of(), List.of(), 0);
  }

  static SqlResult updateCount(long count) {
    return new SqlResult(Kind.UPDATE_COUNT, List.of(), List.of(), count);
  }

  static SqlResult rows(List<ResultColumn> columns, List<Object[]> rows) {
    return new SqlResult(Kind.ROWS, columns, rows, -1);
  }
}
