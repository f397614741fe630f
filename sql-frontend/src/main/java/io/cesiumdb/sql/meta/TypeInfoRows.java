package io.cesiumdb.sql.meta;

import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.CesiumTypeSystem;
import io.cesiumdb.sql.types.ColumnTypes;
import io.cesiumdb.sql.types.JdbcType;
import java.sql.DatabaseMetaData;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code getTypeInfo}: the ten column types, ordered by {@code DATA_TYPE} as JDBC requires. DBeaver
 * takes {@code DATA_TYPE} from here for every column of a given {@code TYPE_NAME}, so these must
 * agree with {@link JdbcType} (they are computed by it). {@code PRECISION} is the largest
 * declarable size (unbounded strings: {@link Integer#MAX_VALUE}).
 */
final class TypeInfoRows {
  private TypeInfoRows() {}

  static MetadataTable typeInfo() {
    MetadataTable t = new MetadataTable().notNull("TYPE_NAME", String.class);
    t.notNull("DATA_TYPE", Integer.class).column("PRECISION", Integer.class);
    t.column("LITERAL_PREFIX", String.class).column("LITERAL_SUFFIX", String.class);
    t.column("CREATE_PARAMS", String.class).notNull("NULLABLE", Short.class);
    t.notNull("CASE_SENSITIVE", Boolean.class).notNull("SEARCHABLE", Short.class);
    t.notNull("UNSIGNED_ATTRIBUTE", Boolean.class).notNull("FIXED_PREC_SCALE", Boolean.class);
    t.notNull("AUTO_INCREMENT", Boolean.class).column("LOCAL_TYPE_NAME", String.class);
    t.column("MINIMUM_SCALE", Short.class).column("MAXIMUM_SCALE", Short.class);
    t.column("SQL_DATA_TYPE", Integer.class).column("SQL_DATETIME_SUB", Integer.class);
    t.column("NUM_PREC_RADIX", Integer.class);
    types().forEach(type -> add(t, type));
    return t;
  }

  private static List<ColumnType> types() {
    return Stream.of(ColumnType.values())
        .filter(c -> c != ColumnType.COLUMN_TYPE_UNSPECIFIED && c != ColumnType.UNRECOGNIZED)
        .sorted(Comparator.comparingInt(c -> largest(c).sqlType()))
        .toList();
  }

  private static void add(MetadataTable t, ColumnType type) {
    JdbcType j = largest(type);
    t.row(
        j.typeName(),
        j.sqlType(),
        j.columnSize(),
        type == ColumnType.VARBINARY ? "X'" : quote(type),
        quote(type),
        createParams(type),
        (short) DatabaseMetaData.typeNullable,
        type == ColumnType.VARCHAR,
        (short) DatabaseMetaData.typeSearchable,
        false,
        type == ColumnType.DECIMAL,
        false,
        j.typeName(),
        j.decimalDigits() == null ? null : (short) 0,
        maxScale(type, j),
        null,
        null,
        j.radix());
  }

  /** The type at its largest declarable size. */
  private static JdbcType largest(ColumnType type) {
    SqlTypeName name = ColumnTypes.sqlTypeName(type);
    return switch (type) {
      case DECIMAL -> JdbcType.of(name, CesiumTypeSystem.MAX_DECIMAL_PRECISION, 0);
      case TIMESTAMP -> JdbcType.of(name, CesiumTypeSystem.MAX_TIMESTAMP_PRECISION, 0);
      default -> JdbcType.of(name, -1, 0);
    };
  }

  private static Short maxScale(ColumnType type, JdbcType j) {
    return switch (type) {
      case DECIMAL -> (short) CesiumTypeSystem.MAX_DECIMAL_PRECISION;
      case TIMESTAMP -> (short) CesiumTypeSystem.MAX_TIMESTAMP_PRECISION;
      default -> j.decimalDigits() == null ? null : (short) 0;
    };
  }

  private static String quote(ColumnType type) {
    return switch (type) {
      case VARCHAR, DATE, TIMESTAMP, VARBINARY -> "'";
      default -> null;
    };
  }

  private static String createParams(ColumnType type) {
    return switch (type) {
      case DECIMAL -> "precision,scale";
      case VARCHAR, VARBINARY -> "length";
      case TIMESTAMP -> "precision";
      default -> null;
    };
  }
}
