package io.cesiumdb.sql.catalog;

import java.util.Optional;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;

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
    public Lookup<Schema> subSchemas() {
      return new CatalogLookup<>(
          name -> catalog.hasSchema(name) ? Optional.of(schema(name)) : Optional.empty(),
          this::schema,
          catalog::schemas);
    }

    private Schema schema(String name) {
      return new CatalogSchema(catalog, name);
    }

    @Override
    public boolean isMutable() {
      return true;
    }
  }
}
