package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.tablet.replication.ReadFn;
import io.cesiumdb.tablet.replication.TabletMoves;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.storage.VersionedValue;
import io.cesiumdb.tablet.txn.TxnManager;
import io.cesiumdb.tablet.txn.locks.LockSpan;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Read: one key at a timestamp. LEADER consistency goes through the Raft leader (ReadIndex, then a
 * wait for every write with a timestamp up to the read's); SNAPSHOT is served by any replica whose
 * safe time has reached {@code read_ts}. With a TxnContext, a SHARED lock on the key comes first
 * ({@link TxnReads}).
 */
public final class ReadHandler {
  private final Replicas replicas;
  private final TxnManager txns;

  ReadHandler(Replicas replicas, TxnManager txns) {
    this.replicas = replicas;
    this.txns = txns;
  }

  public CompletableFuture<ReadResponse> handle(ReadRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          TabletMoves.requireInRange(replica.descriptor(), request.getKey());
          long keyspace = replica.descriptor().getKeyspace();
          byte[] key = request.getKey().toByteArray();
          // Checked again where the read runs: a split applied meanwhile moves the key away.
          ReadFn<ReadResponse> read =
              (store, ts) -> {
                TabletMoves.requireInRange(replica.descriptor(), request.getKey());
                return response(store.read(keyspace, key, ts), ts);
              };
          if (request.hasTxn()) {
            TxnReads.validate(request.getTxn(), consistency(request), request.getReadTs());
            return TxnReads.lockedRead(
                txns,
                replica,
                request.getTxn(),
                LockSpan.key(key),
                read,
                (r, term) -> r.toBuilder().setTxnTerm(term).build());
          }
          return consistency(request) == ReadConsistency.SNAPSHOT
              ? replica.snapshotRead(request.getReadTs(), read)
              : replica.leaderRead(request.getReadTs(), read);
        });
  }

  private static ReadConsistency consistency(ReadRequest request) {
    if (request.getConsistency() == ReadConsistency.UNRECOGNIZED) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "unknown read consistency");
    }
    return request.getConsistency();
  }

  private static ReadResponse response(Optional<VersionedValue> found, long readTs) {
    ReadResponse.Builder b = ReadResponse.newBuilder().setReadTs(readTs);
    found.ifPresent(
        v ->
            b.setFound(true)
                .setValue(com.google.protobuf.ByteString.copyFrom(v.value()))
                .setVersionTs(v.ts()));
    return b.build();
  }
}
