package io.cesiumdb.server.admin;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.ListNodesRequest;
import io.cesiumdb.proto.placement.ListNodesResponse;
import io.cesiumdb.proto.placement.ListTablesRequest;
import io.cesiumdb.proto.placement.ListTablesResponse;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.server.admin.ClusterStatus.NodeRow;
import io.cesiumdb.server.rpc.PdClient;
import io.cesiumdb.truetime.TimeSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ClusterStatus} through any node: GetLeader at that node (a failure to reach it is
 * reported naming it), then, at the PD leader, ListNodes, ListTables and ListTablets per table for
 * the replicas per node, and LookupTablet per tablet for its leader hint (ListTablets' descriptors
 * carry no leader). Reads only; one {@link PdClient} per reading.
 */
public final class ClusterStatusReader {
  /** Caller id stamped on the calls. */
  static final String CALLER = "cesium-status";

  private final TimeSource time;
  private final LivenessPolicy liveness;
  private final Duration callDeadline;

  /**
   * @param time the clock heartbeat ages are measured against (the PD stamps heartbeats with its
   *     leader's TrueTime, which agrees with the reference time within ε)
   * @param liveness heartbeat age to UP/SUSPECT/DOWN (the PD's default unless told otherwise)
   * @param callDeadline deadline of each RPC
   */
  public ClusterStatusReader(TimeSource time, LivenessPolicy liveness, Duration callDeadline) {
    this.time = time;
    this.liveness = liveness;
    this.callDeadline = callDeadline;
  }

  /** The system time, the PD's default liveness policy and 5 s calls. */
  public static ClusterStatusReader defaults() {
    return new ClusterStatusReader(
        TimeSource.system(), LivenessPolicy.DEFAULT, Duration.ofSeconds(5));
  }

  /**
   * Reads the cluster through the node at {@code url} ({@code host:port} of its RPC).
   *
   * @throws CesiumException CONNECTION_FAILURE naming {@code url} when it cannot be reached; the
   *     PD's error when it cannot answer (no leader, ...)
   */
  public ClusterStatus read(String url) {
    try (PdClient pd = new PdClient(CALLER, List.of(url), callDeadline)) {
      GetLeaderResponse leader = pd.askLeader(url);
      if (leader.getLeaderAddress().isEmpty()) {
        throw new CesiumException(
            ErrorCode.UNAVAILABLE, url + " knows no placement driver leader right now");
      }
      List<NodeEntry> nodes =
          pd.call(
                  s -> s.listNodes(ListNodesRequest.getDefaultInstance()),
                  ListNodesResponse::getError)
              .getNodesList();
      Directory dir = directory(pd);
      long now = time.nowMicros();
      List<NodeRow> rows =
          nodes.stream()
              .sorted(Comparator.comparing(NodeEntry::getNodeId))
              .map(n -> row(n, dir, now))
              .toList();
      return new ClusterStatus(
          leader.getLeaderNodeId(),
          leader.getLeaderAddress(),
          rows,
          dir.tables,
          dir.tablets,
          dir.replicas.values().stream().mapToInt(Integer::intValue).sum(),
          dir.leaders.values().stream().mapToInt(Integer::intValue).sum());
    }
  }

  private NodeRow row(NodeEntry n, Directory dir, long nowMicros) {
    long age =
        n.getLastHeartbeatMicros() <= 0 ? -1 : Math.max(0, nowMicros - n.getLastHeartbeatMicros());
    return new NodeRow(
        n.getNodeId(),
        n.getRpcAddress(),
        age < 0 ? NodeState.DOWN : liveness.stateFor(Duration.ofNanos(age * 1000)),
        age,
        dir.replicas.getOrDefault(n.getNodeId(), 0),
        dir.leaders.getOrDefault(n.getNodeId(), 0),
        n.getDiskUsedBytes());
  }

  private static Directory directory(PdClient pd) {
    Directory dir = new Directory();
    List<TableDef> tables =
        pd.call(
                s -> s.listTables(ListTablesRequest.getDefaultInstance()),
                ListTablesResponse::getError)
            .getTablesList();
    dir.tables = tables.size();
    for (TableDef table : tables) {
      ListTabletsRequest req =
          ListTabletsRequest.newBuilder().setTableId(table.getTableId()).build();
      for (TabletDescriptor t :
          pd.call(s -> s.listTablets(req), ListTabletsResponse::getError).getTabletsList()) {
        dir.tablets++;
        for (ReplicaDescriptor r : t.getReplicasList()) {
          dir.replicas.merge(r.getNodeId(), 1, Integer::sum);
        }
        String leader = leaderHint(pd, t);
        if (!leader.isEmpty()) {
          dir.leaders.merge(leader, 1, Integer::sum);
        }
      }
    }
    return dir;
  }

  /** The directory's leader hint of {@code t}, looked up by its start key; empty = unknown. */
  private static String leaderHint(PdClient pd, TabletDescriptor t) {
    LookupTabletRequest req =
        LookupTabletRequest.newBuilder()
            .setKeyspace(t.getKeyspace())
            .setKey(t.getStartKey())
            .build();
    LookupTabletResponse r = pd.call(s -> s.lookupTablet(req), LookupTabletResponse::getError);
    return r.getTablet().getTabletId() == t.getTabletId() ? r.getLeaderHint() : "";
  }

  /** Counts from the directory, per node id. */
  private static final class Directory {
    int tables;
    int tablets;
    final Map<String, Integer> replicas = new HashMap<>();
    final Map<String, Integer> leaders = new HashMap<>();
  }
}
