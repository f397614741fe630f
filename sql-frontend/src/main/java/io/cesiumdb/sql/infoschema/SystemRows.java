package io.cesiumdb.sql.infoschema;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.types.JdbcType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of each {@link SystemTables} entry, computed from one read of the catalog per schema.
 * Ordered as the JDBC metadata calls order theirs: by schema, table, then position.
 */
final class SystemRows {
  private SystemRows() {}

  static List<Object[]> schemata(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : InformationSchema.schemas(catalog)) {
      rows.add(new Object[] {null, schema});
    }
    return rows;
  }

  static List<Object[]> tables(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : InformationSchema.schemas(catalog)) {
      String type =
          InformationSchema.isSystemSchema(schema)
              ? SystemTables.SYSTEM_TABLE
              : SystemTables.BASE_TABLE;
      for (TableDef t : InformationSchema.tables(catalog, schema)) {
        rows.add(new Object[] {null, schema, t.getName(), type});
      }
    }
    return rows;
  }

  static List<Object[]> columns(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : InformationSchema.schemas(catalog)) {
      for (TableDef t : InformationSchema.tables(catalog, schema)) {
        for (int i = 0; i < t.getColumnsCount(); i++) {
          rows.add(column(t, i));
        }
      }
    }
    return rows;
  }

  static List<Object[]> tableConstraints(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : keyedTables(catalog)) {
      String pk = InformationSchema.primaryKeyName(t);
      rows.add(
          new Object[] {null, t.getSchema(), pk, null, t.getSchema(), t.getName(), "PRIMARY KEY"});
    }
    return rows;
  }

  static List<Object[]> keyColumnUsage(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : keyedTables(catalog)) {
      String pk = InformationSchema.primaryKeyName(t);
      for (int k = 0; k < t.getPrimaryKeyCount(); k++) {
        rows.add(
            new Object[] {
              null, t.getSchema(), pk, null, t.getSchema(), t.getName(), t.getPrimaryKey(k), k + 1
            });
      }
    }
    return rows;
  }

  private static List<TableDef> keyedTables(Catalog catalog) {
    List<TableDef> out = new ArrayList<>();
    for (String schema : InformationSchema.schemas(catalog)) {
      for (TableDef t : InformationSchema.tables(catalog, schema)) {
        if (t.getPrimaryKeyCount() > 0) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static Object[] column(TableDef t, int index) {
    ColumnDef c = t.getColumns(index);
    JdbcType j = JdbcType.of(c);
    boolean text = c.getType() == ColumnType.VARCHAR || c.getType() == ColumnType.VARBINARY;
    boolean number = j.radix() != null;
    boolean datetime = c.getType() == ColumnType.TIMESTAMP || c.getType() == ColumnType.DATE;
    return new Object[] {
      null,
      t.getSchema(),
      t.getName(),
      c.getName(),
      index + 1,
      c.getDefaultSql().isEmpty() ? null : c.getDefaultSql(),
      c.getNullable() ? "YES" : "NO",
      j.typeName(),
      text && j.bounded() ? j.columnSize() : null,
      text && j.bounded() ? j.charOctetLength() : null,
      number ? j.columnSize() : null,
      number ? j.radix() : null,
      number ? j.decimalDigits() : null,
      datetime ? j.decimalDigits() == null ? 0 : j.decimalDigits() : null
    };
  }
}
