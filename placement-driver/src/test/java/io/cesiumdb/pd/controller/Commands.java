package io.cesiumdb.pd.controller;

import com.google.protobuf.ByteString;
import io.cesiumdb.pd.meta.TableCreated;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.CreateTable;
import io.cesiumdb.proto.placement.Heartbeat;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.RegisterNode;
import io.cesiumdb.proto.placement.ReplicaList;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.placement.UpdateLeader;
import java.util.List;

/** Builds cluster state in an {@link InMemoryMetaLog} for the controller tests. */
final class Commands {
  private Commands() {}

  /** Registers {@code nodes} at the log's current time and creates schema "app". */
  static void nodes(InMemoryMetaLog log, String... nodes) {
    for (String n : nodes) {
      log.apply(
          MetaCommand.newBuilder()
              .setRegisterNode(
                  RegisterNode.newBuilder()
                      .setNodeId(n)
                      .setRpcAddress(n + ":7000")
                      .setRaftAddress(n + ":7001")
                      .setTimeMicros(log.nowMicros()))
              .build(),
          NodeEntry.class);
    }
    log.apply(
        MetaCommand.newBuilder().setCreateSchema(CreateSchema.newBuilder().setName("app")).build(),
        Object.class);
  }

  /** Creates table {@code name} with one tablet per placement, split at "b", "c", …. */
  static TableCreated table(InMemoryMetaLog log, String name, List<List<String>> placements) {
    CreateTable.Builder b =
        CreateTable.newBuilder()
            .setTable(
                TableDef.newBuilder()
                    .setSchema("app")
                    .setName(name)
                    .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
                    .addPrimaryKey("id"));
    for (int i = 1; i < placements.size(); i++) {
      b.addSplitPoints(ByteString.copyFromUtf8(String.valueOf((char) ('a' + i))));
    }
    placements.forEach(p -> b.addPlacements(ReplicaList.newBuilder().addAllNodeIds(p)));
    return log.apply(MetaCommand.newBuilder().setCreateTable(b).build(), TableCreated.class);
  }

  static void leader(InMemoryMetaLog log, long tabletId, String node) {
    log.apply(
        MetaCommand.newBuilder()
            .setUpdateLeader(UpdateLeader.newBuilder().setTabletId(tabletId).setLeaderHint(node))
            .build(),
        TabletEntry.class);
  }

  /** A heartbeat from {@code node} at the log's current time. */
  static void heartbeat(InMemoryMetaLog log, String node, TabletReport... reports) {
    log.apply(
        MetaCommand.newBuilder()
            .setHeartbeat(
                Heartbeat.newBuilder()
                    .setNodeId(node)
                    .setTimeMicros(log.nowMicros())
                    .addAllTablets(List.of(reports)))
            .build(),
        NodeEntry.class);
  }

  /**
   * A heartbeat from {@code node} at the log's current time reporting every tablet the directory
   * places on it (leader where the directory says so): a node that hosts exactly its placements.
   */
  static void hostingHeartbeat(InMemoryMetaLog log, String node) {
    List<TabletReport> reports =
        log.read(s -> s.snapshot().getTabletsList()).stream()
            .filter(t -> t.getReplicasList().contains(node))
            .map(
                t ->
                    TabletReport.newBuilder()
                        .setTabletId(t.getTabletId())
                        .setIsLeader(node.equals(t.getLeaderHint()))
                        .setTerm(t.getLeaderTerm())
                        .build())
            .toList();
    heartbeat(log, node, reports.toArray(TabletReport[]::new));
  }

  /** A follower report of {@code tabletId}. */
  static TabletReport hosts(long tabletId) {
    return TabletReport.newBuilder().setTabletId(tabletId).build();
  }

  /** A leader report of {@code tabletId} with its size. */
  static TabletReport report(long tabletId, long sizeBytes) {
    return TabletReport.newBuilder()
        .setTabletId(tabletId)
        .setIsLeader(true)
        .setApproximateSizeBytes(sizeBytes)
        .build();
  }

  static TabletEntry tablet(InMemoryMetaLog log, long id) {
    return log.read(s -> s.tablet(id)).orElseThrow();
  }
}
