package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.List;
import java.util.Optional;

/**
 * A read-only transaction (docs/design/transactions.md §5): every read is at one timestamp, {@link
 * #readTs()}, so together they see one consistent snapshot; it takes no locks and never blocks a
 * writer. Reads go to any replica whose safe time has reached the timestamp (SNAPSHOT consistency:
 * a follower that is behind answers REPLICA_BEHIND and the router tries the next replica; the
 * leader serves any timestamp up to now by raising its floor).
 *
 * <p>Started by {@link Transactions#readOnly()} at {@code TT.now().latest} — which is after every
 * commit acknowledged before it began (commit wait), so it sees all of them — or at a timestamp the
 * caller chose ({@link Transactions#snapshotAt}, {@link Transactions#boundedStaleness}). Stateless
 * apart from the timestamp; safe to share between threads.
 */
public final class ReadOnlyTransaction {
  private final KeyRouter router;
  private final long readTs;

  ReadOnlyTransaction(KeyRouter router, long readTs) {
    this.router = router;
    this.readTs = readTs;
  }

  /** The snapshot's timestamp. */
  public long readTs() {
    return readTs;
  }

  /** The value of {@code key} as of {@link #readTs()}. */
  public Optional<ByteString> read(long keyspace, ByteString key) {
    ReadResponse r = TxnErrors.await(router.read(keyspace, key, ReadConsistency.SNAPSHOT, readTs));
    return r.getFound() ? Optional.of(r.getValue()) : Optional.empty();
  }

  /** The rows of {@code [start, end)} (empty end = to the end) as of {@link #readTs()}. */
  public List<Row> scan(long keyspace, ByteString start, ByteString end) {
    return TxnErrors.await(router.scan(keyspace, start, end, readTs, ReadConsistency.SNAPSHOT));
  }
}
