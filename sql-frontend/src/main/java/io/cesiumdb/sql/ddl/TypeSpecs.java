package io.cesiumdb.sql.ddl;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.CesiumTypeSystem;
import io.cesiumdb.sql.types.ColumnTypes;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A declared column type ({@link SqlDataTypeSpec}) to the type fields of a {@link ColumnDef}.
 * Defaults for omitted arguments: {@code DECIMAL} → (19, 0), {@code DECIMAL(p)} → (p, 0), {@code
 * VARCHAR}/{@code VARBINARY} → unbounded, {@code TIMESTAMP} → 3 (milliseconds). Synonyms are the
 * parser's: {@code INT}, {@code NUMERIC}, {@code DEC}, {@code CHARACTER VARYING}, {@code DOUBLE
 * PRECISION}.
 */
final class TypeSpecs {
  private TypeSpecs() {}

  /** A builder with name, type and arguments set; nullability and default are the caller's. */
  static ColumnDef.Builder column(String name, SqlDataTypeSpec spec) {
    SqlTypeNameSpec nameSpec = spec.getTypeNameSpec();
    if (!(nameSpec instanceof SqlBasicTypeNameSpec basic)) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          "unknown type " + nameSpec.getTypeName() + " for column " + name);
    }
    if (spec.getTimeZone() != null || basic.getCharSetName() != null) {
      throw new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED,
          "time zones and character sets are not supported (column " + name + ")");
    }
    SqlTypeName typeName = SqlTypeName.get(basic.getTypeName().getSimple());
    if (typeName == null) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          "unknown type " + basic.getTypeName() + " for column " + name);
    }
    ColumnType type = ColumnTypes.columnType(typeName);
    ColumnDef.Builder b = ColumnDef.newBuilder().setName(name).setType(type);
    int p = basic.getPrecision();
    int s = basic.getScale();
    switch (type) {
      case DECIMAL ->
          b.setPrecision(p < 0 ? CesiumTypeSystem.DEFAULT_DECIMAL_PRECISION : p)
              .setScale(s < 0 ? 0 : s);
      case TIMESTAMP -> b.setPrecision(p < 0 ? CesiumTypeSystem.MAX_TIMESTAMP_PRECISION : p);
      case VARCHAR, VARBINARY -> b.setLength(length(name, p));
      default -> {}
    }
    return b;
  }

  private static int length(String column, int p) {
    if (p == 0) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR, "length of column " + column + " must be at least 1");
    }
    return Math.max(p, 0);
  }
}
