package io.cesiumdb.sql.pd;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.SplitTabletRequest;
import io.cesiumdb.proto.placement.SplitTabletResponse;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.txn.routing.PlacementCalls;
import java.time.Duration;

/**
 * {@code ALTER TABLE t SPLIT AT (…)} for one encoded key: {@code LookupTablet(keyspace = table id,
 * key)}, then, unless the key already starts that tablet (nothing to do), {@code SplitTablet} at
 * the epoch the lookup saw. If the tablet changed in between ({@code TABLET_MOVED}: a concurrent
 * split or replica change), it looks again, up to {@value #ATTEMPTS} times; a re-sent split that
 * had in fact happened ends there too, because the key is then a boundary. A keyspace without
 * tablets means the table was dropped: {@code TABLE_NOT_FOUND}.
 */
final class TabletSplitter {
  private static final int ATTEMPTS = 3;

  private final PlacementCalls pd;
  private final Duration timeout;

  TabletSplitter(PlacementCalls pd, Duration timeout) {
    this.pd = pd;
    this.timeout = timeout;
  }

  void split(TableDef table, ByteString key) {
    CesiumException moved = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      TabletDescriptor tablet = lookup(table, key);
      if (tablet.getStartKey().equals(key)) {
        return;
      }
      try {
        splitAt(tablet, key);
        return;
      } catch (CesiumException e) {
        if (e.code() != ErrorCode.TABLET_MOVED) {
          throw e;
        }
        moved = e;
      }
    }
    throw moved;
  }

  private TabletDescriptor lookup(TableDef table, ByteString key) {
    LookupTabletRequest request =
        LookupTabletRequest.newBuilder().setKeyspace(table.getTableId()).setKey(key).build();
    try {
      return PdFutures.await(
              pd.call(
                  PlacementServiceGrpc.getLookupTabletMethod(),
                  request,
                  LookupTabletResponse::getError,
                  timeout,
                  pd.config().attemptTimeout()))
          .getTablet();
    } catch (CesiumException e) {
      if (e.code() == ErrorCode.TABLET_NOT_FOUND) {
        throw new CesiumException(
            ErrorCode.TABLE_NOT_FOUND,
            "table " + table.getSchema() + "." + table.getName() + " has no tablets (dropped?)",
            e);
      }
      throw e;
    }
  }

  private void splitAt(TabletDescriptor tablet, ByteString key) {
    SplitTabletRequest request =
        SplitTabletRequest.newBuilder()
            .setTabletId(tablet.getTabletId())
            .setExpectedEpoch(tablet.getEpoch())
            .setSplitKey(key)
            .build();
    PdFutures.await(
        pd.call(
            PlacementServiceGrpc.getSplitTabletMethod(),
            request,
            SplitTabletResponse::getError,
            timeout,
            timeout));
  }
}
