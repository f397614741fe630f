package io.cesiumdb.sql.ddl;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.ColumnDefs;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/**
 * Checks a column's {@code DEFAULT} and renders it as the SQL text the catalog stores ({@code
 * ColumnDef.default_sql}, parsed again by the executor with {@code CesiumParser.parseExpression}).
 * Allowed: a literal that fits the column (checked now, with {@code ValueCoercer}'s error codes),
 * {@code NULL} on a nullable column, and {@code CURRENT_DATE} (DATE) or {@code CURRENT_TIMESTAMP} /
 * {@code LOCALTIMESTAMP} (TIMESTAMP), evaluated per statement. Other expressions: {@code
 * FEATURE_NOT_SUPPORTED}.
 */
final class DefaultValues {
  private static final Map<String, ColumnType> NILADIC =
      Map.of(
          "CURRENT_DATE", ColumnType.DATE,
          "CURRENT_TIMESTAMP", ColumnType.TIMESTAMP,
          "LOCALTIMESTAMP", ColumnType.TIMESTAMP);

  private DefaultValues() {}

  /** The {@code default_sql} for {@code column}; {@code column} carries its final nullability. */
  static String defaultSql(SqlNode expr, ColumnDef column) {
    String niladic = niladicName(expr);
    if (niladic != null) {
      if (NILADIC.get(niladic) != column.getType()) {
        throw new CesiumException(
            ErrorCode.VALIDATION_ERROR,
            "DEFAULT " + niladic + " does not fit column " + ColumnDefs.describe(column));
      }
    } else if (LiteralValues.isConstant(expr)) {
      if (LiteralValues.value(expr, column.toBuilder().setNullable(true).build()) == null
          && !column.getNullable()) {
        throw new CesiumException(
            ErrorCode.VALIDATION_ERROR, "DEFAULT NULL on NOT NULL column " + column.getName());
      }
    } else {
      throw new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED,
          "DEFAULT of column "
              + column.getName()
              + " must be a literal, CURRENT_DATE, CURRENT_TIMESTAMP or LOCALTIMESTAMP");
    }
    return expr.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
  }

  /**
   * The parser leaves {@code CURRENT_DATE} and friends as unquoted identifiers (the validator
   * resolves them); a quoted {@code "CURRENT_DATE"} is a column reference.
   */
  private static String niladicName(SqlNode expr) {
    if (expr instanceof SqlIdentifier id
        && id.isSimple()
        && !id.isComponentQuoted(0)
        && NILADIC.containsKey(id.getSimple())) {
      return id.getSimple();
    }
    return null;
  }
}
