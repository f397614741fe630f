package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.proto.placement.ListTablesRequest;
import io.cesiumdb.proto.placement.ListTablesResponse;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.proto.tablet.TransferLeaderResponse;
import io.cesiumdb.server.rpc.PdClient;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds tablets and their leaders and moves leadership: every table's tablets from the placement
 * driver's directory (ListTables, ListTablets), each tablet's current leader from a replica's
 * tablet {@code Status}, and {@code TransferLeader} at the leader. Closable: one channel per node.
 */
final class TabletLeaders implements AutoCloseable {
  private static final long DEADLINE_MILLIS = 10_000;

  private final List<String> seeds;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  TabletLeaders(List<String> seeds) {
    this.seeds = List.copyOf(seeds);
  }

  /** Every tablet of every table, as the directory describes it. */
  List<TabletDescriptor> allTablets() {
    try (PdClient pd = new PdClient("nemesis", seeds, Membership.CALL_DEADLINE)) {
      ListTablesResponse tables =
          pd.call(s -> s.listTables(ListTablesRequest.getDefaultInstance()), r -> r.getError());
      List<TabletDescriptor> out = new ArrayList<>();
      for (TableDef t : tables.getTablesList()) {
        ListTabletsRequest req = ListTabletsRequest.newBuilder().setTableId(t.getTableId()).build();
        ListTabletsResponse r = pd.call(s -> s.listTablets(req), x -> x.getError());
        out.addAll(r.getTabletsList());
      }
      return out;
    }
  }

  /** The tablet's leader as the first replica that answers sees it; empty when none knows. */
  Optional<String> leaderOf(TabletDescriptor tablet) {
    StatusRequest req = StatusRequest.newBuilder().setTabletId(tablet.getTabletId()).build();
    for (ReplicaDescriptor r : tablet.getReplicasList()) {
      try {
        StatusResponse s = stub(r.getTabletAddress()).status(req);
        if (!s.hasError() && !s.getLeaderNodeId().isEmpty()) {
          return Optional.of(s.getLeaderNodeId());
        }
      } catch (StatusRuntimeException e) {
        // Try the next replica.
      }
    }
    return Optional.empty();
  }

  /**
   * Asks the tablet's leader (the replica on {@code leader}) to hand leadership to {@code target};
   * returns empty on success, else why not.
   */
  Optional<String> transfer(TabletDescriptor tablet, String leader, String target) {
    String address = replica(tablet, leader).getTabletAddress();
    TransferLeaderRequest req =
        TransferLeaderRequest.newBuilder()
            .setTabletId(tablet.getTabletId())
            .setTargetNodeId(target)
            .build();
    try {
      TransferLeaderResponse r = stub(address).transferLeader(req);
      return r.hasError() ? Optional.of(r.getError().getMessage()) : Optional.empty();
    } catch (StatusRuntimeException e) {
      return Optional.of(e.getStatus().toString());
    }
  }

  private static ReplicaDescriptor replica(TabletDescriptor tablet, String nodeId) {
    return tablet.getReplicasList().stream()
        .filter(r -> r.getNodeId().equals(nodeId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(nodeId + " holds no replica of " + tablet));
  }

  private TabletServiceGrpc.TabletServiceBlockingStub stub(String address) {
    ManagedChannel ch =
        channels.computeIfAbsent(
            address, a -> Grpc.newChannelBuilder(a, InsecureChannelCredentials.create()).build());
    return TabletServiceGrpc.newBlockingStub(ch)
        .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
