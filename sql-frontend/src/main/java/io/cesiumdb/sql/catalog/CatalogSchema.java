package io.cesiumdb.sql.catalog;

import io.cesiumdb.proto.placement.TableDef;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * One catalog schema as a Calcite schema. Live: every lookup asks the {@link Catalog}, so tables
 * created or dropped after planning started are seen by the next statement; a name resolves through
 * the catalog's point lookup, which refreshes on a miss ({@link CatalogLookup}).
 */
final class CatalogSchema extends AbstractSchema {
  private final Catalog catalog;
  private final String name;

  CatalogSchema(Catalog catalog, String name) {
    this.catalog = catalog;
    this.name = name;
  }

  @Override
  public Lookup<Table> tables() {
    return new CatalogLookup<>(
        table -> catalog.table(name, table).map(CesiumTable::new),
        table -> catalog.table(name, table).map(CesiumTable::new).orElse(null),
        () -> catalog.tables(name).stream().map(TableDef::getName).toList());
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
