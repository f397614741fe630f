package io.cesiumdb.sql.types;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The three views of a column type and the maps between them: the catalog's {@link ColumnType} /
 * {@link ColumnDef}, Calcite's {@link SqlTypeName} / {@link RelDataType}, and (in {@link
 * EngineValues}) the Java class of a value. The mapping is one to one on the ten supported types;
 * anything else is rejected here rather than approximated.
 */
public final class ColumnTypes {
  /** Longest VARCHAR / VARBINARY length that may be declared (Calcite's own limit). */
  public static final int MAX_LENGTH = 65_536;

  private ColumnTypes() {}

  public static SqlTypeName sqlTypeName(ColumnType type) {
    return switch (type) {
      case BIGINT -> SqlTypeName.BIGINT;
      case INTEGER -> SqlTypeName.INTEGER;
      case SMALLINT -> SqlTypeName.SMALLINT;
      case DOUBLE -> SqlTypeName.DOUBLE;
      case DECIMAL -> SqlTypeName.DECIMAL;
      case VARCHAR -> SqlTypeName.VARCHAR;
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case DATE -> SqlTypeName.DATE;
      case TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case VARBINARY -> SqlTypeName.VARBINARY;
      default -> throw unsupported(type.name());
    };
  }

  /** The catalog type for a Calcite type name; {@code VALIDATION_ERROR} for any other type. */
  public static ColumnType columnType(SqlTypeName name) {
    return switch (name) {
      case BIGINT -> ColumnType.BIGINT;
      case INTEGER -> ColumnType.INTEGER;
      case SMALLINT -> ColumnType.SMALLINT;
      case DOUBLE -> ColumnType.DOUBLE;
      case DECIMAL -> ColumnType.DECIMAL;
      case VARCHAR -> ColumnType.VARCHAR;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
      case VARBINARY -> ColumnType.VARBINARY;
      default -> throw unsupported(name.getName());
    };
  }

  /** The Calcite type of a column, with its nullability. */
  public static RelDataType relDataType(RelDataTypeFactory factory, ColumnDef c) {
    SqlTypeName name = sqlTypeName(c.getType());
    RelDataType type =
        switch (c.getType()) {
          case DECIMAL -> factory.createSqlType(name, c.getPrecision(), c.getScale());
          case TIMESTAMP -> factory.createSqlType(name, c.getPrecision());
          case VARCHAR, VARBINARY ->
              c.getLength() == 0
                  ? factory.createSqlType(name, RelDataType.PRECISION_NOT_SPECIFIED)
                  : factory.createSqlType(name, c.getLength());
          default -> factory.createSqlType(name);
        };
    return factory.createTypeWithNullability(type, c.getNullable());
  }

  /** The row type of a table: its columns in declaration order. */
  public static RelDataType rowType(RelDataTypeFactory factory, TableDef table) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (ColumnDef c : table.getColumnsList()) {
      b.add(c.getName(), relDataType(factory, c));
    }
    return b.build();
  }

  /** A column of the given Calcite type, e.g. for a query's result column. */
  public static ColumnDef columnDef(String name, RelDataType type) {
    ColumnType ct = columnType(type.getSqlTypeName());
    ColumnDef.Builder b = ColumnDef.newBuilder().setName(name).setType(ct);
    b.setNullable(type.isNullable());
    switch (ct) {
      case DECIMAL -> b.setPrecision(type.getPrecision()).setScale(type.getScale());
      case TIMESTAMP -> b.setPrecision(type.getPrecision());
      case VARCHAR, VARBINARY -> b.setLength(Math.max(0, type.getPrecision()));
      default -> {}
    }
    return validate(b.build());
  }

  /** Checks the type arguments of a column; returns it unchanged. {@code VALIDATION_ERROR}. */
  public static ColumnDef validate(ColumnDef c) {
    switch (c.getType()) {
      case DECIMAL -> checkDecimal(c);
      case TIMESTAMP -> check(c.getPrecision() <= CesiumTypeSystem.MAX_TIMESTAMP_PRECISION, c);
      case VARCHAR, VARBINARY -> check(c.getLength() <= MAX_LENGTH, c);
      case BIGINT, INTEGER, SMALLINT, DOUBLE, BOOLEAN, DATE -> {}
      default -> throw unsupported(c.getType().name());
    }
    return c;
  }

  private static void checkDecimal(ColumnDef c) {
    check(c.getPrecision() >= 1 && c.getPrecision() <= CesiumTypeSystem.MAX_DECIMAL_PRECISION, c);
    check(c.getScale() <= c.getPrecision(), c);
  }

  private static void check(boolean ok, ColumnDef c) {
    if (!ok) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          "invalid type arguments for column "
              + c.getName()
              + ": "
              + ColumnDefs.typeString(c)
              + " (DECIMAL precision 1.."
              + CesiumTypeSystem.MAX_DECIMAL_PRECISION
              + " with 0 <= scale <= precision; TIMESTAMP precision 0.."
              + CesiumTypeSystem.MAX_TIMESTAMP_PRECISION
              + "; VARCHAR/VARBINARY length <= "
              + MAX_LENGTH
              + ")");
    }
  }

  static CesiumException unsupported(String typeName) {
    return new CesiumException(
        ErrorCode.VALIDATION_ERROR,
        "unsupported type "
            + typeName
            + "; supported: BIGINT, INTEGER, SMALLINT, DOUBLE, DECIMAL(p, s), VARCHAR(n), BOOLEAN,"
            + " DATE, TIMESTAMP, VARBINARY(n)");
  }
}
