package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Groups a transaction's buffered writes by tablet ({@link KeyRouter#tabletFor}), in the order the
 * tablets were first written. The grouping is a hint (the cache may be stale); {@link
 * KeyRouter#commitTxn} and {@link KeyRouter#prepareTxn} check again at send time and abort the
 * transaction (retryable) when a tablet split in between.
 */
final class CommitPlan {
  /** The writes that go to one tablet. */
  record TabletWrites(
      long keyspace, long tabletId, TabletDescriptor descriptor, List<Mutation> mutations) {
    ByteString routingKey() {
      return mutations.get(0).getKey();
    }

    /**
     * The key that reaches the tablet holding this tablet's decision record ({@code TxnStatus},
     * {@code ForgetTxnDecisions}): its start key, because a split leaves the left half with the
     * tablet's id and its records, while a written key may have moved to the right half.
     */
    ByteString recordKey() {
      return descriptor.getStartKey();
    }

    Participants.Participant asParticipant() {
      return new Participants.Participant(keyspace, tabletId, routingKey(), 0);
    }
  }

  private CommitPlan() {}

  static List<TabletWrites> group(KeyRouter router, WriteBuffer buffer) {
    Map<WriteBuffer.Slot, CompletableFuture<TabletDescriptor>> lookups = new LinkedHashMap<>();
    buffer.entries().keySet().forEach(s -> lookups.put(s, router.tabletFor(s.keyspace(), s.key())));
    Map<Long, TabletWrites> byTablet = new LinkedHashMap<>();
    for (Map.Entry<WriteBuffer.Slot, Mutation> e : buffer.entries().entrySet()) {
      TabletDescriptor d = TxnErrors.await(lookups.get(e.getKey()));
      byTablet
          .computeIfAbsent(
              d.getTabletId(),
              id -> new TabletWrites(e.getKey().keyspace(), id, d, new ArrayList<>()))
          .mutations()
          .add(e.getValue());
    }
    return new ArrayList<>(byTablet.values());
  }
}
