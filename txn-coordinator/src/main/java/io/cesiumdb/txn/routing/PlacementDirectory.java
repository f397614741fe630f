package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The production {@link TabletDirectory}: the placement driver's directory, through {@link
 * PlacementClient} (leader discovery, hints, backoff). {@code LookupTablet(keyspace, key)} and
 * {@code ListTablets(table_id)}; a table's id is its keyspace.
 */
final class PlacementDirectory implements TabletDirectory {
  private final PlacementClient pd;

  PlacementDirectory(PlacementClient pd) {
    this.pd = pd;
  }

  @Override
  public CompletableFuture<TabletDescriptor> lookup(
      long keyspace, ByteString key, Duration timeout) {
    LookupTabletRequest request =
        LookupTabletRequest.newBuilder().setKeyspace(keyspace).setKey(key).build();
    return pd.call(
            PlacementServiceGrpc.getLookupTabletMethod(),
            request,
            LookupTabletResponse::getError,
            deadline(timeout))
        .thenApply(LookupTabletResponse::getTablet);
  }

  @Override
  public CompletableFuture<List<TabletDescriptor>> list(long keyspace, Duration timeout) {
    return pd.call(
            PlacementServiceGrpc.getListTabletsMethod(),
            ListTabletsRequest.newBuilder().setTableId(keyspace).build(),
            ListTabletsResponse::getError,
            deadline(timeout))
        .thenApply(ListTabletsResponse::getTabletsList);
  }

  /** The placement driver leader's address as last seen, or null. */
  String leader() {
    return pd.leader();
  }

  @Override
  public void close() {
    pd.close();
  }

  private static long deadline(Duration timeout) {
    return System.nanoTime() + Math.max(1, timeout.toNanos());
  }
}
