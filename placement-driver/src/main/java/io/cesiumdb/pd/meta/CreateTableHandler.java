package io.cesiumdb.pd.meta;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateTable;
import io.cesiumdb.proto.placement.ReplicaList;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates a table and its tablets. The table gets the next table id (also its keyspace) and schema
 * version 1; N split points give N + 1 tablets {@code ["", s1), [s1, s2), …, [sN, "")} with the
 * next tablet ids, epoch 1, the command's placements (chosen by the leader with {@code
 * Placement.placeNewTablets}) and the first replica as leader hint until a heartbeat says
 * otherwise.
 */
final class CreateTableHandler implements CommandHandler<CreateTable> {

  @Override
  public TableCreated apply(MetaStores stores, CreateTable cmd) {
    TableDef def = cmd.getTable();
    checkTable(stores.catalog(), def);
    checkSplitPoints(cmd.getSplitPointsList());
    if (cmd.getPlacementsCount() != cmd.getSplitPointsCount() + 1) {
      throw MetaErrors.invalid(
          cmd.getSplitPointsCount()
              + " split points need "
              + (cmd.getSplitPointsCount() + 1)
              + " placements, got "
              + cmd.getPlacementsCount());
    }
    for (ReplicaList placement : cmd.getPlacementsList()) {
      MetaErrors.checkReplicas(stores.nodes(), placement.getNodeIdsList(), "placement");
    }
    TableDef table =
        def.toBuilder().setTableId(stores.catalog().nextTableId()).setSchemaVersion(1).build();
    stores.catalog().addTable(table);
    List<TabletEntry> tablets = new ArrayList<>();
    int n = cmd.getSplitPointsCount();
    for (int i = 0; i <= n; i++) {
      List<String> replicas = cmd.getPlacements(i).getNodeIdsList();
      TabletEntry tablet =
          TabletEntry.newBuilder()
              .setTabletId(stores.directory().allocateTabletId())
              .setKeyspace(table.getTableId())
              .setStartKey(i == 0 ? ByteString.EMPTY : cmd.getSplitPoints(i - 1))
              .setEndKey(i == n ? ByteString.EMPTY : cmd.getSplitPoints(i))
              .addAllReplicas(replicas)
              .setLeaderHint(replicas.get(0))
              .setEpoch(1)
              .build();
      stores.directory().put(tablet);
      tablets.add(tablet);
    }
    return new TableCreated(table, tablets);
  }

  private static void checkTable(Catalog catalog, TableDef def) {
    if (def.getTableId() != 0) {
      throw MetaErrors.invalid(
          "table_id is allocated by the placement driver; got " + def.getTableId());
    }
    if (def.getName().isEmpty()) {
      throw MetaErrors.invalid("table name is empty");
    }
    if (!catalog.hasSchema(def.getSchema())) {
      throw new CesiumException(ErrorCode.SCHEMA_NOT_FOUND, "no schema " + def.getSchema());
    }
    if (catalog.table(def.getSchema(), def.getName()).isPresent()) {
      throw new CesiumException(
          ErrorCode.TABLE_EXISTS, "table " + def.getSchema() + "." + def.getName() + " exists");
    }
    Set<String> columns = checkColumns(def);
    if (def.getPrimaryKeyCount() == 0) {
      throw MetaErrors.invalid("table " + def.getName() + " has no primary key");
    }
    Set<String> keyColumns = new HashSet<>();
    for (String key : def.getPrimaryKeyList()) {
      if (!columns.contains(key)) {
        throw new CesiumException(
            ErrorCode.COLUMN_NOT_FOUND, "primary key column " + key + " does not exist");
      }
      if (!keyColumns.add(key)) {
        throw MetaErrors.invalid("primary key names " + key + " twice");
      }
    }
  }

  private static Set<String> checkColumns(TableDef def) {
    if (def.getColumnsCount() == 0) {
      throw MetaErrors.invalid("table " + def.getName() + " has no columns");
    }
    Set<String> names = new HashSet<>();
    for (ColumnDef column : def.getColumnsList()) {
      if (column.getName().isEmpty() || !names.add(column.getName())) {
        throw MetaErrors.invalid("empty or duplicate column name '" + column.getName() + "'");
      }
      if (column.getType() == ColumnType.COLUMN_TYPE_UNSPECIFIED
          || column.getType() == ColumnType.UNRECOGNIZED) {
        throw MetaErrors.invalid("column " + column.getName() + " has no type");
      }
    }
    return names;
  }

  private static void checkSplitPoints(List<ByteString> points) {
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).isEmpty()) {
        throw MetaErrors.invalid("split point " + i + " is empty");
      }
      if (i > 0 && Keys.ORDER.compare(points.get(i - 1), points.get(i)) >= 0) {
        throw MetaErrors.invalid("split points are not strictly increasing at " + i);
      }
    }
  }
}
