package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.SnapshotRoute;
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
  private final SnapshotRoute route;

  /**
   * @param route {@link SnapshotRoute#LEADER_FIRST} for a snapshot at "now" (followers' safe time
   *     trails it), {@link SnapshotRoute#ANY_REPLICA} for one in the past
   */
  ReadOnlyTransaction(KeyRouter router, long readTs, SnapshotRoute route) {
    this.router = router;
    this.readTs = readTs;
    this.route = route;
  }

  /** The snapshot's timestamp. */
  public long readTs() {
    return readTs;
  }

  /** The value of {@code key} as of {@link #readTs()}. */
  public Optional<ByteString> read(long keyspace, ByteString key) {
    ReadResponse r =
        TxnErrors.await(router.read(keyspace, key, ReadConsistency.SNAPSHOT, readTs, route));
    return r.getFound() ? Optional.of(r.getValue()) : Optional.empty();
  }

  /** The rows of {@code [start, end)} (empty end = to the end) as of {@link #readTs()}. */
  public List<Row> scan(long keyspace, ByteString start, ByteString end) {
    return TxnErrors.await(
        router.scan(keyspace, start, end, readTs, ReadConsistency.SNAPSHOT, 0, route));
  }
}
