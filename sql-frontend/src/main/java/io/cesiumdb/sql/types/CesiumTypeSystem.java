package io.cesiumdb.sql.types;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's default type system with CesiumDB's numeric limits: {@code DECIMAL} up to 38 digits
 * (Calcite's default stops at 19), {@code DECIMAL} without arguments is {@code DECIMAL(19, 0)}, and
 * {@code TIMESTAMP} without arguments keeps milliseconds ({@code TIMESTAMP(3)}), the finest unit
 * the engine's {@code long} millis representation holds. CASE branches and UNION columns of strings
 * of different lengths are VARCHAR ({@code CASE … THEN 'high' ELSE 'low' END} is {@code 'low'}, not
 * the blank-padded CHAR(4) of the strict standard; PostgreSQL and MySQL agree). The planner must
 * use {@link #INSTANCE} so that the types it derives agree with {@link ColumnTypes}.
 */
public final class CesiumTypeSystem extends RelDataTypeSystemImpl {
  public static final CesiumTypeSystem INSTANCE = new CesiumTypeSystem();

  /** Largest DECIMAL precision (and scale). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** Precision of a DECIMAL declared without arguments (scale 0). */
  public static final int DEFAULT_DECIMAL_PRECISION = 19;

  /** Fractional second digits the engine keeps: milliseconds. */
  public static final int MAX_TIMESTAMP_PRECISION = 3;

  private CesiumTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL
        ? MAX_DECIMAL_PRECISION
        : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> DEFAULT_DECIMAL_PRECISION;
      case TIMESTAMP -> MAX_TIMESTAMP_PRECISION;
      default -> super.getDefaultPrecision(typeName);
    };
  }
}
