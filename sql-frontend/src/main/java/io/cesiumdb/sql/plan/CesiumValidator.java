package io.cesiumdb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/**
 * Calcite's validator, except that a {@code ?} inferred as a string or binary of some length (from
 * the column it is compared with or stored into) is typed unbounded: Calcite's generated code
 * truncates (or pads) a parameter to its type's length, so {@code name = ?} with a value longer
 * than the column would compare a truncated value, and an INSERT would store one. Unbounded, the
 * value arrives whole: a comparison is exact and storing applies the column's length ({@code
 * ValueCoercer}: too long is {@code DATA_EXCEPTION}).
 */
final class CesiumValidator extends SqlValidatorImpl {
  CesiumValidator(
      SqlOperatorTable operators,
      SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory,
      Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  @Override
  public RelDataType getValidatedNodeType(SqlNode node) {
    RelDataType type = super.getValidatedNodeType(node);
    if (!(node instanceof SqlDynamicParam)) {
      return type;
    }
    SqlTypeName unbounded =
        switch (type.getSqlTypeName()) {
          case CHAR, VARCHAR -> SqlTypeName.VARCHAR;
          case BINARY, VARBINARY -> SqlTypeName.VARBINARY;
          default -> null;
        };
    if (unbounded == null) {
      return type;
    }
    RelDataTypeFactory f = getTypeFactory();
    RelDataType wide = f.createSqlType(unbounded, RelDataType.PRECISION_NOT_SPECIFIED);
    if (type.getCharset() != null) {
      wide = f.createTypeWithCharsetAndCollation(wide, type.getCharset(), type.getCollation());
    }
    return f.createTypeWithNullability(wide, type.isNullable());
  }
}
