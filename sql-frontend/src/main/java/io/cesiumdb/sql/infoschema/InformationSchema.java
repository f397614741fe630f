package io.cesiumdb.sql.infoschema;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The schema {@code INFORMATION_SCHEMA}: read-only tables over the {@link Catalog} ({@link
 * SystemTables}), and the catalog as clients see it — the catalog's schemas plus this one. Both the
 * SQL tables and the JDBC metadata calls ({@code io.cesiumdb.sql.meta}) read the catalog through
 * here, so they report the same schemas, tables, columns and keys.
 *
 * <p>The catalog itself never holds this schema: it is added to every planner's root schema, and
 * DDL refuses the name ({@code io.cesiumdb.sql.ddl.DdlConverter}).
 */
public final class InformationSchema {
  public static final String NAME = "INFORMATION_SCHEMA";

  private InformationSchema() {}

  /** True for the name of this schema. */
  public static boolean isSystemSchema(String schema) {
    return NAME.equals(schema);
  }

  /** Every schema a client sees, sorted: the catalog's and {@code INFORMATION_SCHEMA}. */
  public static List<String> schemas(Catalog catalog) {
    List<String> out = new ArrayList<>(catalog.schemas());
    if (!out.contains(NAME)) {
      out.add(NAME);
    }
    out.sort(null);
    return out;
  }

  /** The tables of a schema as a client sees it, sorted by name. */
  public static List<TableDef> tables(Catalog catalog, String schema) {
    return isSystemSchema(schema) ? SystemTables.definitions() : catalog.tables(schema);
  }

  /**
   * The name of a table's primary-key constraint. The catalog keeps none, so it is derived: {@code
   * <TABLE>_PK}, the name DBeaver itself would give a nameless one.
   */
  public static String primaryKeyName(TableDef table) {
    return table.getName() + "_PK";
  }

  /** This schema for Calcite: one {@link SystemTable} per {@link SystemTables} entry. */
  public static Schema calciteSchema(Catalog catalog) {
    return new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (SystemTables t : SystemTables.values()) {
          tables.put(t.definition().getName(), new SystemTable(t, catalog));
        }
        return tables;
      }
    };
  }
}
