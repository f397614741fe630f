package io.cesiumdb.sql.catalog;

import io.cesiumdb.proto.placement.TableDef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One catalog schema as a Calcite schema. Live: every lookup asks the {@link Catalog}, so tables
 * created or dropped after planning started are seen by the next statement (the catalog's own cache
 * decides how fresh that is).
 */
final class CatalogSchema extends AbstractSchema {
  private final Catalog catalog;
  private final String name;

  CatalogSchema(Catalog catalog, String name) {
    this.catalog = catalog;
    this.name = name;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (TableDef t : catalog.tables(name)) {
      tables.put(t.getName(), new CesiumTable(t));
    }
    return tables;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
