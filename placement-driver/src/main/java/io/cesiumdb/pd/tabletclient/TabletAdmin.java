package io.cesiumdb.pd.tabletclient;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.SplitResponse;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the placement driver asks of tablet servers: the admin half of {@code TabletService}. The
 * seam between the PD's decisions (operator executor, split flow, CreateTable) and the wire, so
 * that those can be tested against a fake tablet side; {@link GrpcTabletAdmin} is the real one.
 *
 * <p>Every method is asynchronous and never throws: a response carrying an {@code ErrorDetail}, a
 * gRPC failure or a missed deadline fails the future with a {@code CesiumException}. Calls that
 * must reach a tablet's Raft leader ({@link #split}, {@link #changeReplicas}, {@link
 * #transferLeader}) take a {@link TabletRoute} and find the leader themselves.
 */
public interface TabletAdmin extends AutoCloseable {

  /** CreateReplica on node {@code on} (idempotent on the tablet side). */
  CompletableFuture<Void> createReplica(ReplicaDescriptor on, TabletDescriptor tablet);

  /** RemoveReplica on node {@code on}. */
  CompletableFuture<Void> removeReplica(ReplicaDescriptor on, long tabletId);

  /** Status of node {@code on}'s replica of the tablet. */
  CompletableFuture<StatusResponse> status(ReplicaDescriptor on, long tabletId);

  /**
   * Split at the tablet's leader; empty {@code splitKey} = the leader picks the middle. Idempotent
   * for the same {@code rightTabletId}. Answers the two halves as the group knows them.
   */
  CompletableFuture<SplitResponse> split(
      TabletRoute route, ByteString splitKey, long rightTabletId);

  /** ChangeReplicas at the tablet's leader: {@code replicas} is the complete new set. */
  CompletableFuture<TabletDescriptor> changeReplicas(
      TabletRoute route, List<ReplicaDescriptor> replicas);

  /** TransferLeader at the tablet's leader, to node {@code targetNodeId}. */
  CompletableFuture<Void> transferLeader(TabletRoute route, String targetNodeId);

  /** Releases connections; later calls fail with SHUTTING_DOWN. */
  @Override
  void close();
}
