package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TxnContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@link KeyRouter#scan}: walks the tablets of a keyspace in key order, a page at a time,
 * following resume keys within a tablet and crossing to the next tablet at its end.
 *
 * <p>Exactly once, in order: the cursor only moves forward, past the last row returned, and rows at
 * or below the last one returned are dropped (a re-read after a re-resolution may repeat them).
 *
 * <p>Crossing tablets: a tablet serves a scan clipped to its <i>current</i> range, and when the
 * request asked beyond that range (its range shrank under a split the cache has not seen) it
 * answers its current end as the resume key once exhausted ({@code ScanResponse.resume_key}, the
 * tablet server's {@code ScanHandler}). So an exhausted page without a resume key means the tablet
 * ends at or after the requested end, which is the cached descriptor's end (ranges only shrink),
 * and the walk continues there. Rejected: asking the leader for its current descriptor ({@code
 * Status}) at every crossing, as this walk did until 2026-11-23: one more round trip per tablet for
 * what the scan's answer already says (the bank readers' scans made one RPC in nine a Status).
 *
 * <p>Inside a read-write transaction ({@code txn} set) every page carries the {@link TxnContext}
 * with {@code read_ts} 0 and {@code LEADER} consistency: the leader locks the range and reads the
 * latest committed data, so there is no pinned snapshot; the locks make the pages consistent.
 *
 * <p>Each page, with its re-resolutions, has the router's overall deadline; the walk as a whole has
 * none. One step in flight; steps hand over through futures, so the fields need no locks.
 */
final class ScanWalk {
  private final KeyRouter router;
  private final long keyspace;
  private final ByteString end;
  private final ReadConsistency consistency;
  private final RoutingMode mode;
  private final int limit;
  private final TxnContext txn;
  private final TabletServed served;
  private final List<Row> rows = new ArrayList<>();
  private final CompletableFuture<List<Row>> result = new CompletableFuture<>();
  private ByteString cursor;
  private ByteString lastKey;
  private long readTs;

  /** One page's answer and the tablet that gave it. */
  private record Page(TabletDescriptor tablet, ScanResponse response) {}

  ScanWalk(
      KeyRouter router,
      long keyspace,
      ByteString start,
      ByteString end,
      long readTs,
      ReadConsistency consistency,
      RoutingMode mode,
      int limit,
      TxnContext txn,
      TabletServed served) {
    this.txn = txn;
    this.served = served;
    this.router = router;
    this.keyspace = keyspace;
    this.cursor = start;
    this.end = end;
    this.readTs = readTs;
    this.consistency = consistency;
    this.mode = mode;
    this.limit = limit;
  }

  CompletableFuture<List<Row>> start() {
    next();
    return result;
  }

  private void next() {
    if (!KeyRanges.beforeEnd(cursor, end) || (limit > 0 && rows.size() >= limit)) {
      result.complete(List.copyOf(rows));
      return;
    }
    KeyedRetry.run(router.ctx(), "Scan of keyspace " + keyspace, router.deadline(), this::page)
        .whenComplete(
            (p, t) -> {
              if (t != null) {
                result.completeExceptionally(KeyedRetry.unwrap(t));
              } else {
                onPage(p);
              }
            });
  }

  private CompletableFuture<Page> page(long dl) {
    ByteString at = cursor;
    return router
        .locator()
        .locate(keyspace, at, dl)
        .thenCompose(
            d ->
                router
                    .tablets()
                    .submitKeyed(
                        txn == null ? TabletRpc.SCAN : TabletRpc.TXN_SCAN,
                        d,
                        request(d, at),
                        mode,
                        dl)
                    .whenComplete((r, t) -> router.repairIfStale(keyspace, at, d, t))
                    .thenApply(r -> new Page(d, r)));
  }

  private ScanRequest request(TabletDescriptor d, ByteString at) {
    int left = limit == 0 ? 0 : limit - rows.size();
    ScanRequest.Builder b =
        ScanRequest.newBuilder()
            .setStartKey(at)
            .setEndKey(KeyRanges.minEnd(end, d.getEndKey()))
            .setReadTs(readTs)
            .setConsistency(consistency)
            .setLimit(left);
    if (txn != null) {
      b.setTxn(txn); // read_ts stays 0: each page reads the latest committed data under its lock
    }
    return b.build();
  }

  private void onPage(Page p) {
    ScanResponse r = p.response();
    served.served(p.tablet(), r.getReadTs(), r.getTxnTerm());
    if (readTs == 0 && txn == null) {
      readTs = r.getReadTs(); // later pages read the same snapshot
    }
    for (Row row : r.getRowsList()) {
      boolean fresh = lastKey == null || KeyRanges.ORDER.compare(row.getKey(), lastKey) > 0;
      if (fresh && KeyRanges.beforeEnd(row.getKey(), end) && (limit == 0 || rows.size() < limit)) {
        rows.add(row);
        lastKey = row.getKey();
      }
    }
    if (!r.getResumeKey().isEmpty()) {
      advanceTo(r.getResumeKey());
      next();
    } else if (p.tablet().getEndKey().isEmpty()) {
      result.complete(List.copyOf(rows)); // the last tablet of the keyspace
    } else {
      advanceTo(p.tablet().getEndKey()); // past the requested end: next() completes
      next();
    }
  }

  /** Moves the cursor to {@code key}, but never back to or before the last row returned. */
  private void advanceTo(ByteString key) {
    ByteString next = KeyRanges.max(key, cursor);
    cursor = lastKey == null ? next : KeyRanges.max(next, KeyRanges.successor(lastKey));
  }
}
