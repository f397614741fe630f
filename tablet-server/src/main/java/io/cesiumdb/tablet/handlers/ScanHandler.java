package io.cesiumdb.tablet.handlers;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.ReadFn;
import io.cesiumdb.tablet.replication.TabletMoves;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.storage.ScanResult;
import io.cesiumdb.tablet.storage.VersionedValue;
import io.cesiumdb.tablet.txn.TxnManager;
import io.cesiumdb.tablet.txn.locks.LockSpan;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Scan: [start_key, end_key) at a timestamp, bounded to the tablet's range, at most {@code limit}
 * rows (0 = {@value #DEFAULT_LIMIT}, capped at {@value #MAX_LIMIT}), with a resume key when more
 * rows exist, or with the tablet's end key when the request asked beyond it (see {@link
 * #clippedAt}). Same consistency rules as {@link ReadHandler}; a non-empty start key outside the
 * tablet is stale routing (TABLET_MOVED). With a TxnContext, a SHARED lock on the whole requested
 * range (clipped to the tablet) comes first, so no insert lands in it until the txn ends.
 */
public final class ScanHandler {
  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;

  private final Replicas replicas;
  private final TxnManager txns;

  ScanHandler(Replicas replicas, TxnManager txns) {
    this.replicas = replicas;
    this.txns = txns;
  }

  public CompletableFuture<ScanResponse> handle(ScanRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          TabletDescriptor d = replica.descriptor();
          if (!request.getStartKey().isEmpty()) {
            TabletMoves.requireInRange(d, request.getStartKey());
          }
          byte[] start =
              TabletRange.maxStart(request.getStartKey().toByteArray(), TabletRange.start(d));
          byte[] asked = request.getEndKey().isEmpty() ? null : request.getEndKey().toByteArray();
          byte[] end = TabletRange.minEnd(asked, TabletRange.end(d));
          int limit =
              request.getLimit() == 0 ? DEFAULT_LIMIT : Math.min(request.getLimit(), MAX_LIMIT);
          long keyspace = d.getKeyspace();
          // The range is checked again where the scan runs: a split applied meanwhile shrinks it.
          ReadFn<ScanResponse> scan =
              (store, ts) -> {
                requireSameRange(d, replica.descriptor());
                return response(
                    store.scan(keyspace, start, end, ts, limit), ts, clippedAt(d, asked));
              };
          if (request.getConsistency() == ReadConsistency.UNRECOGNIZED) {
            throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "unknown read consistency");
          }
          if (request.hasTxn()) {
            TxnReads.validate(request.getTxn(), request.getConsistency(), request.getReadTs());
            return TxnReads.lockedRead(
                txns,
                replica,
                request.getTxn(),
                lockSpan(start, end),
                scan,
                (r, term) -> r.toBuilder().setTxnTerm(term).build());
          }
          return request.getConsistency() == ReadConsistency.SNAPSHOT
              ? replica.snapshotRead(request.getReadTs(), scan)
              : replica.leaderRead(request.getReadTs(), scan);
        });
  }

  /**
   * The requested range clipped to the tablet; an empty range still locks its start key, so the txn
   * is known here (a null end is unbounded).
   */
  private static LockSpan lockSpan(byte[] start, byte[] end) {
    if (end != null && Arrays.compareUnsigned(start, end) >= 0) {
      return LockSpan.key(start);
    }
    return LockSpan.range(start, end == null ? new byte[0] : end);
  }

  private static void requireSameRange(TabletDescriptor before, TabletDescriptor now) {
    if (!before.getStartKey().equals(now.getStartKey())
        || !before.getEndKey().equals(now.getEndKey())) {
      throw TabletMoves.moved(now, "the tablet split while the scan waited");
    }
  }

  /**
   * The tablet's end key if the request asked for more than the tablet holds, else null. A scan
   * that reached the tablet's end then answers that end as its resume key: a caller whose routing
   * predates a split continues there, gets TABLET_MOVED and finds the right-hand tablet, instead of
   * taking the end of this tablet for the end of its range.
   */
  private static byte[] clippedAt(TabletDescriptor d, byte[] askedEnd) {
    byte[] end = TabletRange.end(d);
    if (end == null) {
      return null;
    }
    return askedEnd == null || Arrays.compareUnsigned(askedEnd, end) > 0 ? end : null;
  }

  private static ScanResponse response(ScanResult result, long readTs, byte[] clippedAt) {
    ScanResponse.Builder b = ScanResponse.newBuilder().setReadTs(readTs);
    for (VersionedValue v : result.rows()) {
      b.addRows(
          Row.newBuilder()
              .setKey(ByteString.copyFrom(v.key()))
              .setValue(ByteString.copyFrom(v.value()))
              .setVersionTs(v.ts()));
    }
    if (result.hasMore()) {
      b.setResumeKey(ByteString.copyFrom(result.resumeKey()));
    } else if (clippedAt != null) {
      b.setResumeKey(ByteString.copyFrom(clippedAt));
    }
    return b.build();
  }
}
