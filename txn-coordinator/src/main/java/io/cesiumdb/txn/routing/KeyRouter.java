package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TouchTxnResponse;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Key-addressed routing: callers name a keyspace (table id) and keys, never a tablet. The router
 * resolves keys through its {@link TabletDirectoryCache} (filled from the placement driver), sends
 * through a {@link TabletRouter} (leader finding, hints, backoff), and when a tablet answers {@code
 * TABLET_MOVED} or no replica hosts it any more, repairs the cache (the error's {@code current}
 * descriptor, then the placement driver by key) and retries within the request's deadline ({@link
 * RouterConfig#overallDeadline()}). Callers never see {@code NOT_LEADER}, {@code TABLET_MOVED} or
 * {@code TABLET_NOT_FOUND}: at the deadline they get {@code UNAVAILABLE}, or the last non-routing
 * error.
 *
 * <p>Writes are atomic per tablet only: all mutations of a {@link #write} must fall in one tablet;
 * a batch that spans tablets (after one refresh from the placement driver) fails with {@code
 * INVALID_ARGUMENT}: multi-tablet atomic writes are transactions (issue 5). A write is re-sent only
 * after a stale-routing answer, which means the tablet rejected it; a timeout after delivery is not
 * retried (see {@link RetryClassifier}).
 *
 * <p>Every method returns at once and never throws. Thread-safe. Build with {@link #builder()};
 * {@link #close()} closes the router it built, its channels and the placement driver client; {@link
 * #placement()} shares that client with callers that talk to the placement driver themselves.
 */
public final class KeyRouter implements AutoCloseable {
  private final TabletRouter tablets;
  private final TabletLocator locator;
  private final boolean ownsTablets;
  private final TxnCalls txnCalls;
  private final PlacementClient pd;

  /**
   * @param pd the placement driver client, or null when the router was built without placement
   *     addresses (a test directory only)
   */
  KeyRouter(TabletRouter tablets, TabletLocator locator, boolean ownsTablets, PlacementClient pd) {
    this.tablets = tablets;
    this.locator = locator;
    this.ownsTablets = ownsTablets;
    this.txnCalls = new TxnCalls(this);
    this.pd = pd;
  }

  /** A builder; it needs placement driver addresses or a {@link TabletDirectory}. */
  public static KeyRouterBuilder builder() {
    return new KeyRouterBuilder();
  }

  /**
   * Reads one key of {@code keyspace} as of {@code readTs} (0 = now, at the leader). {@code
   * SNAPSHOT} consistency may be served by any replica whose safe time covers {@code readTs}.
   */
  public CompletableFuture<ReadResponse> read(
      long keyspace, ByteString key, ReadConsistency consistency, long readTs) {
    return read(keyspace, key, consistency, readTs, SnapshotRoute.ANY_REPLICA);
  }

  /**
   * As {@link #read(long, ByteString, ReadConsistency, long)}; a {@code SNAPSHOT} read tries
   * replicas as {@code route} says (the leader first for a snapshot at "now").
   */
  public CompletableFuture<ReadResponse> read(
      long keyspace,
      ByteString key,
      ReadConsistency consistency,
      long readTs,
      SnapshotRoute route) {
    if (key == null || consistency == null || route == null) {
      return invalid("read: key and consistency are required");
    }
    ReadRequest request =
        ReadRequest.newBuilder().setKey(key).setReadTs(readTs).setConsistency(consistency).build();
    RoutingMode mode = TabletRouter.modeFor(consistency, route);
    return KeyedRetry.run(
        ctx(),
        "Read of keyspace " + keyspace,
        deadline(),
        dl ->
            locator
                .locate(keyspace, key, dl)
                .thenCompose(
                    d ->
                        tablets
                            .submitKeyed(TabletRpc.READ, d, request, mode, dl)
                            .whenComplete((r, t) -> repairIfStale(keyspace, key, d, t))));
  }

  /**
   * Applies {@code mutations} atomically in the one tablet that holds all their keys. Fails with
   * {@code INVALID_ARGUMENT} if they span tablets.
   */
  public CompletableFuture<WriteResponse> write(long keyspace, List<Mutation> mutations) {
    if (mutations == null || mutations.isEmpty()) {
      return invalid("write: no mutations");
    }
    WriteRequest request = WriteRequest.newBuilder().addAllMutations(mutations).build();
    ByteString first = mutations.get(0).getKey();
    boolean[] refreshedForSpan = {false};
    return KeyedRetry.run(
        ctx(),
        "Write to keyspace " + keyspace,
        deadline(),
        dl ->
            locator
                .locate(keyspace, first, dl)
                .thenCompose(
                    d -> oneTablet(keyspace, mutations, d, refreshedForSpan, dl, SPANS_WRITE))
                .thenCompose(
                    d ->
                        tablets
                            .submitKeyed(TabletRpc.WRITE, d, request, RoutingMode.LEADER, dl)
                            .whenComplete((r, t) -> repairIfStale(keyspace, first, d, t))));
  }

  /**
   * Every row of {@code keyspace} in {@code [start, end)} (empty end = to the end) as of {@code
   * readTs}, in key order, exactly once, walking the tablets in key order. With {@code readTs} 0
   * the first page's timestamp is used for all pages, so the result is one snapshot.
   */
  public CompletableFuture<List<Row>> scan(
      long keyspace, ByteString start, ByteString end, long readTs, ReadConsistency consistency) {
    return scan(keyspace, start, end, readTs, consistency, 0);
  }

  /**
   * As {@link #scan(long, ByteString, ByteString, long, ReadConsistency)}, at most {@code limit}
   * rows (0 = all).
   */
  public CompletableFuture<List<Row>> scan(
      long keyspace,
      ByteString start,
      ByteString end,
      long readTs,
      ReadConsistency consistency,
      int limit) {
    return scan(keyspace, start, end, readTs, consistency, limit, SnapshotRoute.ANY_REPLICA);
  }

  /**
   * As {@link #scan(long, ByteString, ByteString, long, ReadConsistency, int)}; {@code SNAPSHOT}
   * pages try replicas as {@code route} says.
   */
  public CompletableFuture<List<Row>> scan(
      long keyspace,
      ByteString start,
      ByteString end,
      long readTs,
      ReadConsistency consistency,
      int limit,
      SnapshotRoute route) {
    if (start == null || end == null || consistency == null || limit < 0 || route == null) {
      return invalid("scan: start, end, consistency and route are required, limit >= 0");
    }
    RoutingMode mode = TabletRouter.modeFor(consistency, route);
    return new ScanWalk(
            this, keyspace, start, end, readTs, consistency, mode, limit, null, TabletServed.NONE)
        .start();
  }

  // ---- read-write transactions (docs/design/transactions.md §3); the work is in TxnCalls ----

  /**
   * Reads one key inside read-write transaction {@code txn}: at the leader ({@code LEADER}, {@code
   * read_ts} 0), which takes a SHARED lock on the key first and reads the latest committed data.
   * {@code served} learns the tablet (the transaction's participant) and the read's timestamp.
   * Transaction errors ({@code TXN-*}) fail the future unchanged.
   */
  public CompletableFuture<ReadResponse> read(
      long keyspace, ByteString key, TxnContext txn, TabletServed served) {
    return txnCalls.read(keyspace, key, txn, served);
  }

  /** As {@link #read(long, ByteString, TxnContext, TabletServed)}, without a listener. */
  public CompletableFuture<ReadResponse> read(long keyspace, ByteString key, TxnContext txn) {
    return read(keyspace, key, txn, TabletServed.NONE);
  }

  /**
   * Every row of {@code [start, end)} (empty end = to the end) inside transaction {@code txn}, in
   * key order, walking the tablets; each leader takes a SHARED lock on the requested range first.
   * {@code served} learns every tablet that served a page.
   */
  public CompletableFuture<List<Row>> scan(
      long keyspace, ByteString start, ByteString end, TxnContext txn, TabletServed served) {
    return txnCalls.scan(keyspace, start, end, txn, served);
  }

  /** As {@link #scan(long, ByteString, ByteString, TxnContext, TabletServed)}, no listener. */
  public CompletableFuture<List<Row>> scan(
      long keyspace, ByteString start, ByteString end, TxnContext txn) {
    return scan(keyspace, start, end, txn, TabletServed.NONE);
  }

  /**
   * Commits single-tablet transaction {@code txn} with {@code mutations} (all in one tablet of
   * {@code keyspace}, else {@code FEATURE_NOT_SUPPORTED}) at that tablet's leader; the response
   * carries the commit timestamp, acknowledged after commit wait. Re-sent only after an answer
   * proving nothing happened (not-leader, moved, not hosted); after an ambiguous failure (timeout
   * or lost connection once sent) the future fails with a retryable {@code DEADLINE_EXCEEDED} or
   * {@code UNAVAILABLE} saying the outcome is unknown.
   */
  public CompletableFuture<CommitTxnResponse> commitTxn(
      long keyspace, TxnContext txn, List<Mutation> mutations) {
    return txnCalls.commit(keyspace, 0, txn, mutations, 0, List.of(), TxnCalls.Bounds.NONE);
  }

  /**
   * As {@link #commitTxn(long, TxnContext, List)}, at tablet {@code tabletId} (the one the writes
   * were grouped into; its decision record is asked there if the answer is lost): when the writes
   * belong to another tablet at send time (it split meanwhile), the transaction aborts (retryable)
   * before anything is sent. {@code readTerm} is the txn_term the transaction's first read there
   * answered (0: none); if that leader term is over, the tablet aborts the transaction (its read
   * locks died with the old leader).
   */
  public CompletableFuture<CommitTxnResponse> commitTxn(
      long keyspace, long tabletId, TxnContext txn, List<Mutation> mutations, long readTerm) {
    return txnCalls.commit(
        keyspace, tabletId, txn, mutations, readTerm, List.of(), TxnCalls.Bounds.NONE);
  }

  /**
   * Two-phase commit at the coordinator tablet (which holds {@code mutations}): records the
   * decision COMMITTED with a commit timestamp {@code >= minCommitTs} (every participant's prepare
   * timestamp) and {@code >= lockedTs} (see {@link #prepareTxn}); acknowledged after commit wait. A
   * write, like {@link #commitTxn}, pinned to tablet {@code tabletId}: the coordinator the
   * participants were told of, where their recovery asks for the decision.
   */
  public CompletableFuture<CommitTxnResponse> commitTxnAsCoordinator(
      long keyspace,
      long tabletId,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      List<Long> participants,
      long minCommitTs,
      long lockedTs) {
    return txnCalls.commit(
        keyspace,
        tabletId,
        txn,
        mutations,
        readTerm,
        participants,
        new TxnCalls.Bounds(minCommitTs, lockedTs));
  }

  /**
   * Two-phase commit at a participant tablet (which holds {@code mutations}): exclusive locks and a
   * prepare record; answers the prepare timestamp. {@code lockedTs} is {@code TT.now().latest} read
   * after every lock of the transaction was granted (0 = the leader reads its own clock): the
   * prepare timestamp is {@code >=} it. A write: never re-sent after delivery.
   */
  public CompletableFuture<PrepareTxnResponse> prepareTxn(
      long keyspace,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      TabletDescriptor coordinator,
      long lockedTs) {
    return txnCalls.prepare(keyspace, txn, mutations, readTerm, coordinator, lockedTs);
  }

  /**
   * Phase one of a commit over several tablets, at the tablet holding {@code mutations}: takes
   * their EXCLUSIVE locks only (the transaction stays woundable); nothing is logged.
   */
  public CompletableFuture<PrepareTxnResponse> lockForCommit(
      long keyspace,
      TxnContext txn,
      List<Mutation> mutations,
      long readTerm,
      TabletDescriptor coordinator) {
    return txnCalls.lock(keyspace, txn, mutations, readTerm, coordinator);
  }

  /**
   * At commit, for a tablet the transaction only read (the one holding {@code key}): checks that
   * its read locks there are still held under {@code readTerm} (not wounded, no leader change) and
   * pins them until released.
   */
  public CompletableFuture<PrepareTxnResponse> validateReads(
      long keyspace, ByteString key, TxnContext txn, long readTerm) {
    return txnCalls.validateReads(keyspace, key, txn, readTerm);
  }

  /** The outcome at the participant tablet holding {@code key}; idempotent, retried. */
  public CompletableFuture<ResolveTxnResponse> resolveTxn(
      long keyspace, ByteString key, String txnId, TxnOutcome outcome, long commitTs) {
    return txnCalls.resolve(keyspace, key, txnId, outcome, commitTs);
  }

  /**
   * Asks the coordinator tablet holding {@code key} to forget the decision records of {@code
   * txnIds}: only for transactions whose every participant acknowledged the outcome. Idempotent.
   */
  public CompletableFuture<ForgetTxnDecisionsResponse> forgetTxnDecisions(
      long keyspace, ByteString key, List<String> txnIds) {
    return txnCalls.forget(keyspace, key, txnIds);
  }

  /** The outcome recorded at the coordinator tablet holding {@code key}. */
  public CompletableFuture<TxnStatusResponse> txnStatus(
      long keyspace, ByteString key, String txnId, boolean abortIfUnknown) {
    return txnCalls.status(keyspace, key, txnId, abortIfUnknown);
  }

  /**
   * Releases transaction {@code txnId}'s locks at the leader of the tablet holding {@code key}.
   * Idempotent; retried like a read.
   */
  public CompletableFuture<AbortTxnResponse> abortTxn(long keyspace, ByteString key, String txnId) {
    return txnCalls.abort(keyspace, key, txnId);
  }

  /** Keepalive for {@code txnId} at the leader of the tablet holding {@code key}. */
  public CompletableFuture<TouchTxnResponse> touchTxn(long keyspace, ByteString key, String txnId) {
    return txnCalls.touch(keyspace, key, txnId);
  }

  /**
   * The tablet that holds {@code key} as currently known (cache, else placement driver), for
   * callers that group work per tablet. A hint: the answer may be stale by the time it is used.
   */
  public CompletableFuture<TabletDescriptor> tabletFor(long keyspace, ByteString key) {
    if (key == null) {
      return invalid("tabletFor: key is required");
    }
    return KeyedRetry.run(
        ctx(),
        "Lookup in keyspace " + keyspace,
        deadline(),
        dl -> locator.locate(keyspace, key, dl));
  }

  /** The directory cache (read it, or drop entries to force a lookup). */
  public TabletDirectoryCache cache() {
    return locator.cache();
  }

  /**
   * Calls to the placement driver's leader through this router's PD client (the one its directory
   * uses): for the catalog, DDL and authentication above routing.
   *
   * @throws IllegalStateException if the router was built without {@link
   *     KeyRouterBuilder#placementAddresses}
   */
  public PlacementCalls placement() {
    if (pd == null) {
      throw new IllegalStateException("this KeyRouter was built without placementAddresses(..)");
    }
    return new PlacementCalls(pd);
  }

  /** The descriptor-addressed router underneath (its metrics count re-resolutions too). */
  public TabletRouter tablets() {
    return tablets;
  }

  @Override
  public void close() {
    if (ownsTablets) {
      tablets.close();
    }
    locator.directory().close();
    if (pd != null) {
      pd.close(); // closing twice (it may be the directory's too) is harmless
    }
  }

  TabletLocator locator() {
    return locator;
  }

  RouterContext ctx() {
    return tablets.context();
  }

  long deadline() {
    return System.nanoTime() + ctx().config().overallDeadline().toNanos();
  }

  void repairIfStale(long keyspace, ByteString key, TabletDescriptor used, Throwable t) {
    if (t != null && KeyedRetry.isStale(t)) {
      locator.onStale(keyspace, key, used, t);
    }
  }

  /**
   * {@code d} if it holds every key; else one refresh from the directory; else the future fails
   * with {@code onSpan}'s error.
   */
  CompletableFuture<TabletDescriptor> oneTablet(
      long keyspace,
      List<Mutation> mutations,
      TabletDescriptor d,
      boolean[] refreshed,
      long dl,
      Function<TabletDescriptor, CesiumException> onSpan) {
    if (holdsAll(d, mutations)) {
      return CompletableFuture.completedFuture(d);
    }
    if (refreshed[0]) {
      return CompletableFuture.failedFuture(onSpan.apply(d));
    }
    refreshed[0] = true;
    return locator
        .relocate(keyspace, mutations.get(0).getKey(), d, dl)
        .thenCompose(
            fresh ->
                holdsAll(fresh, mutations)
                    ? CompletableFuture.completedFuture(fresh)
                    : CompletableFuture.failedFuture(onSpan.apply(fresh)));
  }

  private static boolean holdsAll(TabletDescriptor d, List<Mutation> mutations) {
    return mutations.stream().allMatch(m -> KeyRanges.contains(d, m.getKey()));
  }

  private static final Function<TabletDescriptor, CesiumException> SPANS_WRITE =
      d ->
          new CesiumException(
              ErrorCode.INVALID_ARGUMENT,
              "write: the mutations span more than one tablet (tablet "
                  + Long.toUnsignedString(d.getTabletId())
                  + " holds only part of them); multi-tablet atomic writes are transactions"
                  + " (issue 5)");

  static <T> CompletableFuture<T> invalid(String message) {
    return CompletableFuture.failedFuture(new CesiumException(ErrorCode.INVALID_ARGUMENT, message));
  }
}
