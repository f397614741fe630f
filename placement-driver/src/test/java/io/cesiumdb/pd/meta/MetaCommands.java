package io.cesiumdb.pd.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.placement.Placement;
import io.cesiumdb.pd.placement.TabletPlacement;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.CreateTable;
import io.cesiumdb.proto.placement.CreateUser;
import io.cesiumdb.proto.placement.DropSchema;
import io.cesiumdb.proto.placement.DropTable;
import io.cesiumdb.proto.placement.DropUser;
import io.cesiumdb.proto.placement.Heartbeat;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.RegisterNode;
import io.cesiumdb.proto.placement.ReplicaList;
import io.cesiumdb.proto.placement.SplitTablet;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.placement.UpdateLeader;
import io.cesiumdb.proto.placement.UpdateReplicas;
import io.cesiumdb.proto.placement.UserEntry;
import java.util.List;
import java.util.Set;

/** Builders for MetaCommands and assertions over a MetaState, shared by the meta tests. */
final class MetaCommands {
  private MetaCommands() {}

  static ByteString key(String s) {
    return ByteString.copyFromUtf8(s);
  }

  static MetaCommand register(String nodeId, long timeMicros) {
    return MetaCommand.newBuilder()
        .setRegisterNode(
            RegisterNode.newBuilder()
                .setNodeId(nodeId)
                .setRpcAddress(nodeId + ":7000")
                .setRaftAddress(nodeId + ":7001")
                .setTimeMicros(timeMicros))
        .build();
  }

  static MetaCommand heartbeat(String nodeId, long timeMicros, TabletReport... reports) {
    return MetaCommand.newBuilder()
        .setHeartbeat(
            Heartbeat.newBuilder()
                .setNodeId(nodeId)
                .setTimeMicros(timeMicros)
                .setDiskUsedBytes(1000)
                .addAllTablets(List.of(reports)))
        .build();
  }

  static TabletReport report(long tabletId, boolean leader, long size) {
    return TabletReport.newBuilder()
        .setTabletId(tabletId)
        .setIsLeader(leader)
        .setApproximateSizeBytes(size)
        .build();
  }

  static MetaCommand schema(String name) {
    return MetaCommand.newBuilder()
        .setCreateSchema(CreateSchema.newBuilder().setName(name))
        .build();
  }

  static MetaCommand schemaIfNotExists(String name) {
    return MetaCommand.newBuilder()
        .setCreateSchema(CreateSchema.newBuilder().setName(name).setIfNotExists(true))
        .build();
  }

  static MetaCommand dropSchema(String name, boolean ifExists) {
    return MetaCommand.newBuilder()
        .setDropSchema(DropSchema.newBuilder().setName(name).setIfExists(ifExists))
        .build();
  }

  /** A credential as the leader would store it (fake hash: the state machine never checks it). */
  static UserEntry credential(String name) {
    return UserEntry.newBuilder()
        .setName(name)
        .setAlgorithm("PBKDF2WithHmacSHA256")
        .setIterations(1000)
        .setSalt(ByteString.copyFromUtf8("salt-" + name))
        .setHash(ByteString.copyFromUtf8("hash-" + name))
        .build();
  }

  static MetaCommand createUser(UserEntry user, boolean ifNotExists, boolean onlyIfNoUsers) {
    return MetaCommand.newBuilder()
        .setCreateUser(
            CreateUser.newBuilder()
                .setUser(user)
                .setIfNotExists(ifNotExists)
                .setOnlyIfNoUsers(onlyIfNoUsers))
        .build();
  }

  static MetaCommand createUser(String name) {
    return createUser(credential(name), false, false);
  }

  static MetaCommand dropUser(String name, boolean ifExists) {
    return MetaCommand.newBuilder()
        .setDropUser(DropUser.newBuilder().setName(name).setIfExists(ifExists))
        .build();
  }

  static TableDef tableDef(String schema, String name) {
    return TableDef.newBuilder()
        .setSchema(schema)
        .setName(name)
        .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
        .addColumns(
            ColumnDef.newBuilder()
                .setName("v")
                .setType(ColumnType.VARCHAR)
                .setLength(64)
                .setNullable(true))
        .addPrimaryKey("id")
        .build();
  }

  /** CreateTable with explicit placements. */
  static MetaCommand table(TableDef def, List<ByteString> splits, List<List<String>> placements) {
    CreateTable.Builder b = CreateTable.newBuilder().setTable(def).addAllSplitPoints(splits);
    placements.forEach(p -> b.addPlacements(ReplicaList.newBuilder().addAllNodeIds(p)));
    return MetaCommand.newBuilder().setCreateTable(b).build();
  }

  /** CreateTable placed by {@link Placement} over the state's view, as the PD leader does. */
  static MetaCommand table(MetaState state, long nowMicros, TableDef def, List<ByteString> splits) {
    List<TabletPlacement> placed =
        Placement.placeNewTablets(
            state.toClusterView(LivenessPolicy.DEFAULT, nowMicros, Set.of()), splits.size() + 1);
    return table(def, splits, placed.stream().map(TabletPlacement::replicas).toList());
  }

  static MetaCommand drop(String schema, String name) {
    return MetaCommand.newBuilder()
        .setDropTable(DropTable.newBuilder().setSchema(schema).setName(name))
        .build();
  }

  static MetaCommand split(long tabletId, long expectedEpoch, ByteString key) {
    return MetaCommand.newBuilder()
        .setSplitTablet(
            SplitTablet.newBuilder()
                .setTabletId(tabletId)
                .setExpectedEpoch(expectedEpoch)
                .setSplitKey(key))
        .build();
  }

  static MetaCommand updateReplicas(long tabletId, long expectedEpoch, String... replicas) {
    return MetaCommand.newBuilder()
        .setUpdateReplicas(
            UpdateReplicas.newBuilder()
                .setTabletId(tabletId)
                .setExpectedEpoch(expectedEpoch)
                .addAllReplicas(List.of(replicas)))
        .build();
  }

  static MetaCommand updateLeader(long tabletId, String leader) {
    return MetaCommand.newBuilder()
        .setUpdateLeader(UpdateLeader.newBuilder().setTabletId(tabletId).setLeaderHint(leader))
        .build();
  }

  /** A state with nodes n1..n{count} registered at time 0 and schema "app". */
  static MetaState withNodes(int count) {
    MetaState state = new MetaState();
    for (int i = 1; i <= count; i++) {
      ok(state, register("n" + i, 0));
    }
    ok(state, schema("app"));
    return state;
  }

  static MetaResult ok(MetaState state, MetaCommand cmd) {
    MetaResult r = state.apply(cmd);
    assertTrue(r.isOk(), () -> cmd + " failed: " + r);
    return r;
  }

  /** Applies {@code cmd}, expects {@code code}, and checks the state did not change. */
  static MetaResult.Failed fails(MetaState state, MetaCommand cmd, ErrorCode code) {
    byte[] before = state.toSnapshot();
    MetaResult r = state.apply(cmd);
    assertFalse(r.isOk(), () -> cmd + " succeeded");
    MetaResult.Failed failed = (MetaResult.Failed) r;
    assertEquals(code, failed.code(), failed::message);
    assertTrue(java.util.Arrays.equals(before, state.toSnapshot()), "failed command changed state");
    return failed;
  }

  /** Asserts the tablets of a table cover ["", "") in order with no gap or overlap. */
  static void assertCovers(List<TabletEntry> tablets) {
    assertFalse(tablets.isEmpty());
    assertEquals(ByteString.EMPTY, tablets.get(0).getStartKey());
    assertEquals(ByteString.EMPTY, tablets.get(tablets.size() - 1).getEndKey());
    for (int i = 1; i < tablets.size(); i++) {
      assertEquals(tablets.get(i - 1).getEndKey(), tablets.get(i).getStartKey(), "gap at " + i);
      assertTrue(
          Keys.ORDER.compare(tablets.get(i).getStartKey(), tablets.get(i - 1).getStartKey()) > 0,
          "order at " + i);
    }
  }
}
