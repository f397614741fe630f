package io.cesiumdb.sql.meta;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.infoschema.InformationSchema;
import io.cesiumdb.sql.types.JdbcType;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The {@code DatabaseMetaData} calls over the catalog, with the standard JDBC column labels (tools
 * such as DBeaver read them by label) and the JDBC row order. Schemas and tables are those {@link
 * InformationSchema} says a client sees, so {@code INFORMATION_SCHEMA} is listed too (its tables as
 * {@code SYSTEM TABLE}), and the answers match the SQL tables there.
 *
 * <p>There is no catalog level: {@code getCatalogs} is empty, {@code TABLE_CAT} is NULL, and a
 * non-empty catalog argument matches nothing (null or "" matches everything). Primary keys are
 * reported as a unique index named like the key (tools use either to identify rows). There are no
 * foreign keys.
 */
final class CatalogMetadata {
  static final String TABLE = "TABLE";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  private final Catalog catalog;

  CatalogMetadata(Catalog catalog) {
    this.catalog = catalog;
  }

  static MetadataTable catalogs() {
    return new MetadataTable().notNull("TABLE_CAT", String.class);
  }

  static MetadataTable tableTypes() {
    return new MetadataTable().notNull("TABLE_TYPE", String.class).row(SYSTEM_TABLE).row(TABLE);
  }

  MetadataTable schemas(String catalogName, String schemaPattern) {
    MetadataTable t =
        new MetadataTable()
            .notNull("TABLE_SCHEM", String.class)
            .column("TABLE_CATALOG", String.class);
    for (String schema : schemaNames(catalogName, schemaPattern)) {
      t.row(schema, null);
    }
    return t;
  }

  MetadataTable tables(String catalogName, String schema, String table, List<String> types) {
    MetadataTable t = new MetadataTable().column("TABLE_CAT", String.class);
    t.column("TABLE_SCHEM", String.class).notNull("TABLE_NAME", String.class);
    t.notNull("TABLE_TYPE", String.class).column("REMARKS", String.class);
    t.column("TYPE_CAT", String.class).column("TYPE_SCHEM", String.class);
    t.column("TYPE_NAME", String.class).column("SELF_REFERENCING_COL_NAME", String.class);
    t.column("REF_GENERATION", String.class);
    List<TableDef> found = new ArrayList<>(tables(catalogName, schema, table));
    found.sort(Comparator.comparing(CatalogMetadata::tableType));
    for (TableDef d : found) {
      if (types == null || types.contains(tableType(d))) {
        t.row(null, d.getSchema(), d.getName(), tableType(d), null, null, null, null, null, null);
      }
    }
    return t;
  }

  MetadataTable columns(String catalogName, String schema, String table, String column) {
    MetadataTable t = ColumnRows.layout();
    for (TableDef d : tables(catalogName, schema, table)) {
      List<String> names = d.getColumnsList().stream().map(ColumnDef::getName).toList();
      Predicate<String> match = NamePattern.matcher(column, names);
      for (int i = 0; i < d.getColumnsCount(); i++) {
        if (match.test(names.get(i))) {
          ColumnRows.add(t, d, i);
        }
      }
    }
    return t;
  }

  MetadataTable primaryKeys(String catalogName, String schema, String table) {
    MetadataTable t = new MetadataTable().column("TABLE_CAT", String.class);
    t.column("TABLE_SCHEM", String.class).notNull("TABLE_NAME", String.class);
    t.notNull("COLUMN_NAME", String.class).notNull("KEY_SEQ", Short.class);
    t.column("PK_NAME", String.class);
    for (TableDef d : tables(catalogName, schema, table)) {
      List<String> key = d.getPrimaryKeyList();
      List<String> byName = key.stream().sorted().toList();
      for (String c : byName) {
        short seq = (short) (key.indexOf(c) + 1);
        t.row(null, d.getSchema(), d.getName(), c, seq, InformationSchema.primaryKeyName(d));
      }
    }
    return t;
  }

  /** The primary key as a unique index; {@code unique} changes nothing (it is the only index). */
  MetadataTable indexInfo(String catalogName, String schema, String table) {
    MetadataTable t = MetadataTable.emptyLike(MetaImpl.MetaIndexInfo.class);
    for (TableDef d : tables(catalogName, schema, table)) {
      for (int k = 0; k < d.getPrimaryKeyCount(); k++) {
        t.row(
            null,
            d.getSchema(),
            d.getName(),
            false,
            null,
            InformationSchema.primaryKeyName(d),
            (short) DatabaseMetaData.tableIndexOther,
            (short) (k + 1),
            d.getPrimaryKey(k),
            "A",
            -1L,
            -1L,
            null);
      }
    }
    return t;
  }

  private List<String> schemaNames(String catalogName, String schemaPattern) {
    if (catalogName != null && !catalogName.isEmpty()) {
      return List.of();
    }
    List<String> all = InformationSchema.schemas(catalog);
    return all.stream().filter(NamePattern.matcher(schemaPattern, all)).toList();
  }

  /** Tables by schema and table pattern, in schema then name order. */
  private List<TableDef> tables(String catalogName, String schemaPattern, String tablePattern) {
    List<TableDef> out = new ArrayList<>();
    for (String schema : schemaNames(catalogName, schemaPattern)) {
      List<TableDef> all = InformationSchema.tables(catalog, schema);
      List<String> names = all.stream().map(TableDef::getName).toList();
      Predicate<String> match = NamePattern.matcher(tablePattern, names);
      all.stream().filter(d -> match.test(d.getName())).forEach(out::add);
    }
    return out;
  }

  private static String tableType(TableDef d) {
    return InformationSchema.isSystemSchema(d.getSchema()) ? SYSTEM_TABLE : TABLE;
  }

  /** {@code getColumns}: layout and one row per column. */
  private static final class ColumnRows {
    private ColumnRows() {}

    static MetadataTable layout() {
      MetadataTable t = new MetadataTable().column("TABLE_CAT", String.class);
      t.column("TABLE_SCHEM", String.class).notNull("TABLE_NAME", String.class);
      t.notNull("COLUMN_NAME", String.class).notNull("DATA_TYPE", Integer.class);
      t.notNull("TYPE_NAME", String.class).column("COLUMN_SIZE", Integer.class);
      t.column("BUFFER_LENGTH", Integer.class).column("DECIMAL_DIGITS", Integer.class);
      t.column("NUM_PREC_RADIX", Integer.class).notNull("NULLABLE", Integer.class);
      t.column("REMARKS", String.class).column("COLUMN_DEF", String.class);
      t.column("SQL_DATA_TYPE", Integer.class).column("SQL_DATETIME_SUB", Integer.class);
      t.column("CHAR_OCTET_LENGTH", Integer.class).notNull("ORDINAL_POSITION", Integer.class);
      t.notNull("IS_NULLABLE", String.class).column("SCOPE_CATALOG", String.class);
      t.column("SCOPE_SCHEMA", String.class).column("SCOPE_TABLE", String.class);
      t.column("SOURCE_DATA_TYPE", Short.class).notNull("IS_AUTOINCREMENT", String.class);
      return t.notNull("IS_GENERATEDCOLUMN", String.class);
    }

    static void add(MetadataTable t, TableDef d, int index) {
      ColumnDef c = d.getColumns(index);
      JdbcType j = JdbcType.of(c);
      t.row(
          null,
          d.getSchema(),
          d.getName(),
          c.getName(),
          j.sqlType(),
          j.typeName(),
          j.columnSize(),
          null,
          j.decimalDigits(),
          j.radix(),
          c.getNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
          null,
          c.getDefaultSql().isEmpty() ? null : c.getDefaultSql(),
          null,
          null,
          j.charOctetLength(),
          index + 1,
          c.getNullable() ? "YES" : "NO",
          null,
          null,
          null,
          null,
          "NO",
          "NO");
    }
  }
}
