package io.cesiumdb.sql.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Exposes a {@link Catalog} to Calcite: a root schema whose sub-schemas are the catalog's schemas
 * and whose tables are {@link CesiumTable}s. Calcite's own schema cache is off, so answers come
 * from the catalog on every lookup.
 */
public final class CatalogSchemas {
  private CatalogSchemas() {}

  /**
   * The root schema to give the validator ({@code Frameworks.newConfigBuilder().defaultSchema}).
   */
  public static SchemaPlus rootSchema(Catalog catalog) {
    return CalciteSchema.createRootSchema(false, false, "", new Root(catalog)).plus();
  }

  private static final class Root extends AbstractSchema {
    private final Catalog catalog;

    Root(Catalog catalog) {
      this.catalog = catalog;
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
      Map<String, Schema> out = new LinkedHashMap<>();
      for (String name : catalog.schemas()) {
        out.put(name, new CatalogSchema(catalog, name));
      }
      return out;
    }

    @Override
    public boolean isMutable() {
      return true;
    }
  }
}
