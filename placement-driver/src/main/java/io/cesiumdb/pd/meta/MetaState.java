package io.cesiumdb.pd.meta;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.cluster.NodeInfo;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.MetaSnapshot;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.SchemaDef;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.UserEntry;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The placement driver's replicated metadata: node registry, catalog and tablet directory, changed
 * only by {@link #apply(MetaCommand)}. This is the deterministic core the PD's Ratis state machine
 * will wrap: no clock reads, no randomness, no I/O — every time arrives inside a command, every id
 * comes from a counter in the state, every iteration is sorted. Replicas fed the same commands hold
 * equal states and produce byte-equal snapshots.
 *
 * <p>Not thread-safe: Ratis applies one log entry at a time; readers on other threads need the
 * caller's lock or a snapshot.
 */
public final class MetaState {
  /** The default schema, created by the PD leader when the cluster bootstraps and never dropped. */
  public static final String DEFAULT_SCHEMA = Catalog.DEFAULT_SCHEMA;

  private final NodeRegistry nodes = new NodeRegistry();
  private final Catalog catalog = new Catalog();
  private final TabletDirectory directory = new TabletDirectory();
  private final Users users = new Users();
  private final MetaStores stores = new MetaStores(nodes, catalog, directory, users);
  private final MetaDispatcher dispatcher = new MetaDispatcher();

  /** Applies one command; a failed command leaves the state unchanged. */
  public MetaResult apply(MetaCommand command) {
    return dispatcher.dispatch(stores, command);
  }

  // ---- Reads -----------------------------------------------------------------------------------

  public Optional<NodeEntry> node(String nodeId) {
    return nodes.node(nodeId);
  }

  /** All registered nodes, by id. */
  public List<NodeEntry> nodes() {
    return List.copyOf(nodes.all());
  }

  /** Schema names, sorted. */
  public List<String> schemas() {
    return List.copyOf(catalog.schemaNames());
  }

  public Optional<TableDef> table(String schema, String name) {
    return catalog.table(schema, name);
  }

  public Optional<TableDef> table(long tableId) {
    return catalog.table(tableId);
  }

  /** Tables of one schema, by name. */
  public List<TableDef> tables(String schema) {
    return catalog.tables(schema);
  }

  /** Tables of every schema: by schema name, then table name. */
  public List<TableDef> allTablesBySchema() {
    List<TableDef> out = new ArrayList<>();
    catalog.schemaNames().forEach(schema -> out.addAll(catalog.tables(schema)));
    return out;
  }

  /** The stored credential of a user (salted hash; never a password). */
  public Optional<UserEntry> user(String name) {
    return users.user(name);
  }

  /** All users, by name. */
  public List<UserEntry> users() {
    return List.copyOf(users.all());
  }

  /** Bumped on every schema or table created or dropped. */
  public long catalogVersion() {
    return catalog.version();
  }

  public Optional<TabletEntry> tablet(long tabletId) {
    return directory.tablet(tabletId);
  }

  /** The tablets of a table in key order; they cover the key space with no gap or overlap. */
  public List<TabletEntry> tablets(long tableId) {
    return directory.tablets(tableId);
  }

  /** The tablet of {@code keyspace} (table id) whose {@code [start, end)} holds {@code key}. */
  public Optional<TabletEntry> tabletFor(long keyspace, ByteString key) {
    return directory.tabletFor(keyspace, key);
  }

  /** The wire descriptor of {@code tablet}, replica addresses from the registry. */
  public TabletDescriptor descriptor(TabletEntry tablet) {
    TabletDescriptor.Builder b =
        TabletDescriptor.newBuilder()
            .setTabletId(tablet.getTabletId())
            .setKeyspace(tablet.getKeyspace())
            .setStartKey(tablet.getStartKey())
            .setEndKey(tablet.getEndKey())
            .setEpoch(tablet.getEpoch());
    for (String nodeId : tablet.getReplicasList()) {
      NodeEntry node = nodes.node(nodeId).orElse(NodeEntry.getDefaultInstance());
      b.addReplicas(
          ReplicaDescriptor.newBuilder()
              .setNodeId(nodeId)
              .setRaftAddress(node.getRaftAddress())
              .setTabletAddress(node.getRpcAddress()));
    }
    return b.build();
  }

  // ---- Bridge to the decision layer ------------------------------------------------------------

  /**
   * The {@link ClusterView} checkers, schedulers and {@code Placement} read: node states from the
   * heartbeat age at {@code nowMicros} under {@code policy}, each node's reported tablet ids,
   * tablets from the directory, and the tablets with an operator in flight. Nodes not heard from
   * for {@link LivenessPolicy#coolAfter} are cooling (no balancing moves to them). No replica is
   * marked lost: that takes time, which the controller tracks.
   */
  public ClusterView toClusterView(
      LivenessPolicy policy, long nowMicros, Collection<Long> pendingTabletIds) {
    Instant now = micros(nowMicros);
    List<NodeInfo> nodeInfos = new ArrayList<>();
    List<String> quiet = new ArrayList<>();
    for (NodeEntry n : nodes.all()) {
      if (Duration.between(micros(n.getLastHeartbeatMicros()), now).compareTo(policy.coolAfter())
          >= 0) {
        quiet.add(n.getNodeId());
      }
      nodeInfos.add(
          NodeInfo.fromHeartbeat(
                  n.getNodeId(),
                  n.getRaftAddress(),
                  n.getRpcAddress(),
                  n.getDiskUsedBytes(),
                  micros(n.getLastHeartbeatMicros()),
                  now,
                  policy)
              .withReportedTablets(new TreeSet<>(n.getReportedTabletsList())));
    }
    List<TabletInfo> tabletInfos = new ArrayList<>();
    for (TabletEntry t : directory.all()) {
      tabletInfos.add(
          new TabletInfo(
              t.getTabletId(),
              t.getKeyspace(),
              t.getStartKey(),
              t.getEndKey(),
              t.getReplicasList(),
              t.getLeaderHint().isEmpty() ? null : t.getLeaderHint(),
              t.getEpoch(),
              t.getApproximateSizeBytes()));
    }
    return new ClusterView(nodeInfos, tabletInfos, pendingTabletIds).withCooling(quiet);
  }

  private static Instant micros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  // ---- Snapshot --------------------------------------------------------------------------------

  /** The whole state as a {@link MetaSnapshot}, every list sorted. */
  public MetaSnapshot snapshot() {
    MetaSnapshot.Builder b =
        MetaSnapshot.newBuilder()
            .addAllNodes(nodes.all())
            .addAllTables(catalog.allTables())
            .addAllTablets(directory.all())
            .setNextTableId(catalog.nextTableId())
            .setNextTabletId(directory.nextTabletId())
            .setCatalogVersion(catalog.version())
            .addAllUsers(users.all());
    catalog.schemaNames().forEach(s -> b.addSchemas(SchemaDef.newBuilder().setName(s)));
    return b.build();
  }

  /** {@link #snapshot()} serialized; equal states give equal bytes. */
  public byte[] toSnapshot() {
    return snapshot().toByteArray();
  }

  /**
   * A state restored from {@link #toSnapshot()} bytes.
   *
   * @throws CesiumException {@code STORAGE_CORRUPTION} if the bytes do not parse
   */
  public static MetaState fromSnapshot(byte[] bytes) {
    try {
      return fromSnapshot(MetaSnapshot.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new CesiumException(ErrorCode.STORAGE_CORRUPTION, "bad PD metadata snapshot", e);
    }
  }

  public static MetaState fromSnapshot(MetaSnapshot snapshot) {
    MetaState state = new MetaState();
    snapshot.getNodesList().forEach(state.nodes::put);
    snapshot.getSchemasList().forEach(s -> state.catalog.restoreSchema(s.getName()));
    snapshot.getTablesList().forEach(state.catalog::restoreTable);
    snapshot.getTabletsList().forEach(state.directory::put);
    snapshot.getUsersList().forEach(state.users::put);
    state.catalog.restoreCounters(snapshot.getNextTableId(), snapshot.getCatalogVersion());
    state.directory.restoreCounter(snapshot.getNextTabletId());
    return state;
  }
}
