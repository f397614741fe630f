package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.SchemaDef;

/**
 * Creates an empty schema. NB: there is no SCHEMA_EXISTS code, so a duplicate is INVALID_ARGUMENT.
 */
final class CreateSchemaHandler implements CommandHandler<CreateSchema> {

  @Override
  public SchemaDef apply(MetaStores stores, CreateSchema cmd) {
    if (cmd.getName().isEmpty()) {
      throw MetaErrors.invalid("schema name is empty");
    }
    if (stores.catalog().hasSchema(cmd.getName())) {
      throw MetaErrors.invalid("schema " + cmd.getName() + " already exists");
    }
    stores.catalog().addSchema(cmd.getName());
    return SchemaDef.newBuilder().setName(cmd.getName()).build();
  }
}
