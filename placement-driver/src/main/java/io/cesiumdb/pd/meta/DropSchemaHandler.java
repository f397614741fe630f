package io.cesiumdb.pd.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.DropSchema;
import io.cesiumdb.proto.placement.TableDef;
import java.util.List;

/**
 * Drops an empty schema and bumps the catalog version. Refused (VALIDATION_ERROR) for {@code
 * PUBLIC}, which must always exist, and for a schema that still holds tables (no cascade: the
 * caller drops them first); a missing schema is SCHEMA_NOT_FOUND unless {@code if_exists}.
 */
final class DropSchemaHandler implements CommandHandler<DropSchema> {

  @Override
  public SchemaChange apply(MetaStores stores, DropSchema cmd) {
    Catalog catalog = stores.catalog();
    String name = cmd.getName();
    if (!catalog.hasSchema(name)) {
      if (cmd.getIfExists()) {
        return new SchemaChange(name, false, catalog.version());
      }
      throw new CesiumException(ErrorCode.SCHEMA_NOT_FOUND, "no schema " + name);
    }
    if (name.equals(Catalog.DEFAULT_SCHEMA)) {
      throw MetaErrors.refused("the default schema " + name + " cannot be dropped");
    }
    List<TableDef> tables = catalog.tables(name);
    if (!tables.isEmpty()) {
      throw MetaErrors.refused(
          "schema "
              + name
              + " is not empty: drop its "
              + tables.size()
              + " table(s) first ("
              + String.join(", ", tables.stream().limit(5).map(TableDef::getName).toList())
              + (tables.size() > 5 ? ", ..." : "")
              + ")");
    }
    catalog.removeSchema(name);
    return new SchemaChange(name, true, catalog.version());
  }
}
