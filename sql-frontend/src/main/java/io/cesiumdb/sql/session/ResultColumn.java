package io.cesiumdb.sql.session;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of a result or one parameter of a prepared statement: its name and SQL type. {@code
 * precision} is the DECIMAL precision, the TIMESTAMP fractional digits, or the VARCHAR / VARBINARY
 * length (-1 = unbounded); {@code scale} the DECIMAL scale. What a JDBC layer needs for {@code
 * ResultSetMetaData} and {@code ParameterMetaData}.
 *
 * <p>{@code schemaName}, {@code tableName} and {@code columnName} say which table column a result
 * column shows unchanged (JDBC's {@code getSchemaName}/{@code getTableName}/{@code getColumnName},
 * which tools use to edit rows); all three are null for computed columns and parameters.
 */
public record ResultColumn(
    String name,
    SqlTypeName type,
    int precision,
    int scale,
    boolean nullable,
    String schemaName,
    String tableName,
    String columnName) {

  /** A column that shows no table column (computed, or a parameter). */
  public ResultColumn(String name, SqlTypeName type, int precision, int scale, boolean nullable) {
    this(name, type, precision, scale, nullable, null, null, null);
  }

  static ResultColumn of(RelDataTypeField field, List<String> origin) {
    RelDataType t = field.getType();
    boolean known = origin != null && origin.size() >= 3;
    int n = known ? origin.size() : 0;
    return new ResultColumn(
        field.getName(),
        t.getSqlTypeName(),
        t.getPrecision(),
        t.getSqlTypeName().allowsScale() ? t.getScale() : 0,
        t.isNullable(),
        known ? origin.get(n - 3) : null,
        known ? origin.get(n - 2) : null,
        known ? origin.get(n - 1) : null);
  }

  static List<ResultColumn> of(RelDataType rowType) {
    return of(rowType, List.of());
  }

  /**
   * @param origins per field, the qualified name of the table column it shows ({@code [..., schema,
   *     table, column]}) or null; may be shorter than the row type (missing = computed)
   */
  static List<ResultColumn> of(RelDataType rowType, List<List<String>> origins) {
    List<ResultColumn> out = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      out.add(of(fields.get(i), i < origins.size() ? origins.get(i) : null));
    }
    return List.copyOf(out);
  }
}
