package io.cesiumdb.sql.infoschema;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.types.ColumnDefs;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The tables of {@code INFORMATION_SCHEMA}: their columns (SQL-standard names, a subset of the
 * standard's columns) and how their rows are computed from the catalog ({@link SystemRows}).
 * Catalog columns ({@code *_CATALOG}) are NULL: CesiumDB has no catalog level, as {@code
 * DatabaseMetaData.getCatalogs} says.
 */
public enum SystemTables {
  SCHEMATA(SystemRows::schemata, text("CATALOG_NAME"), key("SCHEMA_NAME")),
  TABLES(
      SystemRows::tables,
      text("TABLE_CATALOG"),
      key("TABLE_SCHEMA"),
      key("TABLE_NAME"),
      key("TABLE_TYPE")),
  COLUMNS(
      SystemRows::columns,
      text("TABLE_CATALOG"),
      key("TABLE_SCHEMA"),
      key("TABLE_NAME"),
      key("COLUMN_NAME"),
      number("ORDINAL_POSITION", false),
      text("COLUMN_DEFAULT"),
      key("IS_NULLABLE"),
      key("DATA_TYPE"),
      number("CHARACTER_MAXIMUM_LENGTH", true),
      number("CHARACTER_OCTET_LENGTH", true),
      number("NUMERIC_PRECISION", true),
      number("NUMERIC_PRECISION_RADIX", true),
      number("NUMERIC_SCALE", true),
      number("DATETIME_PRECISION", true)),
  TABLE_CONSTRAINTS(
      SystemRows::tableConstraints,
      text("CONSTRAINT_CATALOG"),
      key("CONSTRAINT_SCHEMA"),
      key("CONSTRAINT_NAME"),
      text("TABLE_CATALOG"),
      key("TABLE_SCHEMA"),
      key("TABLE_NAME"),
      key("CONSTRAINT_TYPE")),
  KEY_COLUMN_USAGE(
      SystemRows::keyColumnUsage,
      text("CONSTRAINT_CATALOG"),
      key("CONSTRAINT_SCHEMA"),
      key("CONSTRAINT_NAME"),
      text("TABLE_CATALOG"),
      key("TABLE_SCHEMA"),
      key("TABLE_NAME"),
      key("COLUMN_NAME"),
      number("ORDINAL_POSITION", false));

  /** {@code TABLES.TABLE_TYPE} of user tables (JDBC's {@code TABLE}). */
  public static final String BASE_TABLE = "BASE TABLE";

  /** {@code TABLES.TABLE_TYPE} of the tables of this schema (JDBC's {@code SYSTEM TABLE}). */
  public static final String SYSTEM_TABLE = "SYSTEM TABLE";

  private final TableDef definition;
  private final Function<Catalog, List<Object[]>> rows;

  SystemTables(Function<Catalog, List<Object[]>> rows, ColumnDef... columns) {
    this.rows = rows;
    this.definition =
        TableDef.newBuilder()
            .setSchema(InformationSchema.NAME)
            .setName(name())
            .addAllColumns(Arrays.asList(columns))
            .build();
  }

  /** The table's definition: schema, name and columns; no id and no primary key. */
  public TableDef definition() {
    return definition;
  }

  /** The current rows, engine values in column order. */
  public List<Object[]> rows(Catalog catalog) {
    return rows.apply(catalog);
  }

  /** Every table's definition, sorted by name. */
  public static List<TableDef> definitions() {
    return Arrays.stream(values())
        .map(SystemTables::definition)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .toList();
  }

  private static ColumnDef text(String name) {
    return ColumnDefs.varchar(name, 0, true);
  }

  private static ColumnDef key(String name) {
    return ColumnDefs.varchar(name, 0, false);
  }

  private static ColumnDef number(String name, boolean nullable) {
    return ColumnDefs.of(name, ColumnType.INTEGER, nullable);
  }
}
