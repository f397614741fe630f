package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.List;

/**
 * Payload of a successful CreateTable: the table with its allocated id, and its tablets in key
 * order (the tablet servers create their Raft groups from these).
 */
public record TableCreated(TableDef table, List<TabletEntry> tablets) {
  public TableCreated {
    tablets = List.copyOf(tablets);
  }
}
