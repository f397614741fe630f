package io.cesiumdb.pd.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.DropTable;
import io.cesiumdb.proto.placement.TableDef;

/** Drops a table and removes its tablets from the directory; its id is never reused. */
final class DropTableHandler implements CommandHandler<DropTable> {

  @Override
  public TableDropped apply(MetaStores stores, DropTable cmd) {
    if (!stores.catalog().hasSchema(cmd.getSchema())) {
      throw new CesiumException(ErrorCode.SCHEMA_NOT_FOUND, "no schema " + cmd.getSchema());
    }
    TableDef table =
        stores
            .catalog()
            .table(cmd.getSchema(), cmd.getName())
            .orElseThrow(
                () ->
                    new CesiumException(
                        ErrorCode.TABLE_NOT_FOUND,
                        "no table " + cmd.getSchema() + "." + cmd.getName()));
    stores.catalog().removeTable(table);
    return new TableDropped(table, stores.directory().removeKeyspace(table.getTableId()));
  }
}
