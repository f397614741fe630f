package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.CreateSchema;

/**
 * Creates an empty schema and bumps the catalog version. A duplicate is VALIDATION_ERROR (there is
 * no SCHEMA_EXISTS code) unless {@code if_not_exists}, which makes it a no-op: that is how the PD
 * leader creates {@code PUBLIC} at bootstrap, idempotently.
 */
final class CreateSchemaHandler implements CommandHandler<CreateSchema> {

  @Override
  public SchemaChange apply(MetaStores stores, CreateSchema cmd) {
    Catalog catalog = stores.catalog();
    if (cmd.getName().isEmpty()) {
      throw MetaErrors.invalid("schema name is empty");
    }
    if (catalog.hasSchema(cmd.getName())) {
      if (cmd.getIfNotExists()) {
        return new SchemaChange(cmd.getName(), false, catalog.version());
      }
      throw MetaErrors.refused("schema " + cmd.getName() + " already exists");
    }
    catalog.addSchema(cmd.getName());
    return new SchemaChange(cmd.getName(), true, catalog.version());
  }
}
