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
 */
public record ResultColumn(
    String name, SqlTypeName type, int precision, int scale, boolean nullable) {

  static ResultColumn of(RelDataTypeField field) {
    RelDataType t = field.getType();
    return new ResultColumn(
        field.getName(),
        t.getSqlTypeName(),
        t.getPrecision(),
        t.getSqlTypeName().allowsScale() ? t.getScale() : 0,
        t.isNullable());
  }

  static List<ResultColumn> of(RelDataType rowType) {
    List<ResultColumn> out = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      out.add(of(f));
    }
    return List.copyOf(out);
  }
}
