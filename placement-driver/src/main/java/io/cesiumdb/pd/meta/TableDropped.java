package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.List;

/** Payload of a successful DropTable: the table and the tablets whose replicas can now go. */
public record TableDropped(TableDef table, List<TabletEntry> tablets) {
  public TableDropped {
    tablets = List.copyOf(tablets);
  }
}
