package io.cesiumdb.sql.types;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;

/**
 * Builds and describes {@link ColumnDef}s, the catalog's column record (placement.proto). Field use
 * per type: {@code precision}/{@code scale} for DECIMAL, {@code precision} (fractional second
 * digits, 0–3) for TIMESTAMP, {@code length} for VARCHAR (characters) and VARBINARY (bytes) with 0
 * meaning unbounded; every other type leaves them 0.
 */
public final class ColumnDefs {
  private ColumnDefs() {}

  /** A column of a type without arguments (and TIMESTAMP, which gets millisecond precision). */
  public static ColumnDef of(String name, ColumnType type, boolean nullable) {
    ColumnDef.Builder b = ColumnDef.newBuilder().setName(name).setType(type).setNullable(nullable);
    if (type == ColumnType.TIMESTAMP) {
      b.setPrecision(CesiumTypeSystem.MAX_TIMESTAMP_PRECISION);
    }
    return b.build();
  }

  public static ColumnDef decimal(String name, int precision, int scale, boolean nullable) {
    return of(name, ColumnType.DECIMAL, nullable).toBuilder()
        .setPrecision(precision)
        .setScale(scale)
        .build();
  }

  /** {@code length} 0 = unbounded. */
  public static ColumnDef varchar(String name, int length, boolean nullable) {
    return of(name, ColumnType.VARCHAR, nullable).toBuilder().setLength(length).build();
  }

  /** {@code length} 0 = unbounded. */
  public static ColumnDef varbinary(String name, int length, boolean nullable) {
    return of(name, ColumnType.VARBINARY, nullable).toBuilder().setLength(length).build();
  }

  /** The type as SQL would write it, e.g. {@code DECIMAL(10, 2)}, {@code VARCHAR} (unbounded). */
  public static String typeString(ColumnDef c) {
    return switch (c.getType()) {
      case DECIMAL -> "DECIMAL(" + c.getPrecision() + ", " + c.getScale() + ")";
      case VARCHAR, VARBINARY ->
          c.getLength() == 0 ? c.getType().name() : c.getType().name() + "(" + c.getLength() + ")";
      case TIMESTAMP -> "TIMESTAMP(" + c.getPrecision() + ")";
      default -> c.getType().name();
    };
  }

  /** For messages: {@code PRICE DECIMAL(10, 2) NOT NULL}. */
  public static String describe(ColumnDef c) {
    return c.getName() + " " + typeString(c) + (c.getNullable() ? "" : " NOT NULL");
  }
}
