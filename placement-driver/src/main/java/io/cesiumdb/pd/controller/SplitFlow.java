package io.cesiumdb.pd.controller;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.pd.meta.TabletSplit;
import io.cesiumdb.proto.placement.AllocateTabletIds;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.SplitTablet;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.tablet.SplitResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a tablet for real, at the PD leader (SplitTablet RPC and auto-split):
 *
 * <ol>
 *   <li>look the tablet up; a non-zero expected epoch that differs → TABLET_MOVED;
 *   <li>commit AllocateTabletIds(1) → the right-hand tablet's id N;
 *   <li>TabletService.Split(tablet, split key, N) at the tablet's leader: the group splits its data
 *       and answers both halves (idempotent for the same N, so retries are safe);
 *   <li>commit SplitTablet(tablet, current epoch, key = right.start_key, N): the key the tablet
 *       actually used. If the tablet's epoch moved meanwhile (a replica change), the commit is
 *       retried at the new epoch; if the directory already lists N (a heartbeat's reconciliation
 *       adopted the split first), there is nothing left to commit;
 *   <li>answer both halves from the directory.
 * </ol>
 *
 * Splits of one tablet run one after another; different tablets in parallel on {@code runner}. If
 * the PD leader dies between 3 and 4, the new tablet's leader heartbeat reconciles the directory
 * ({@code HeartbeatHandler}).
 */
public final class SplitFlow {
  private static final Logger LOG = LoggerFactory.getLogger(SplitFlow.class);
  private static final int COMMIT_ATTEMPTS = 3;

  private final LeaderContext ctx;
  private final Executor runner;
  private final Map<Long, CompletableFuture<?>> tails = new HashMap<>(); // guarded by this

  public SplitFlow(LeaderContext ctx, Executor runner) {
    this.ctx = ctx;
    this.runner = runner;
  }

  /** Both halves of a split, as the directory holds them after it. */
  public record Halves(TabletDescriptor left, TabletDescriptor right) {}

  /**
   * Splits {@code tabletId}.
   *
   * @param expectedEpoch 0 = whatever the current epoch is
   * @param splitKey empty = the tablet's leader picks a key near the middle of its data
   */
  public CompletableFuture<Halves> split(long tabletId, long expectedEpoch, ByteString splitKey) {
    synchronized (this) {
      CompletableFuture<?> previous =
          tails.getOrDefault(tabletId, CompletableFuture.completedFuture(null));
      CompletableFuture<Halves> next =
          previous
              .handle((v, t) -> null)
              .thenApplyAsync(v -> run(tabletId, expectedEpoch, splitKey), runner);
      tails.put(tabletId, next);
      // Returned after forget: whoever joins the split sees it gone from inFlight().
      return next.whenComplete((v, t) -> forget(tabletId, next));
    }
  }

  /** Tablets with a split queued or running. */
  public synchronized Set<Long> inFlight() {
    return new TreeSet<>(tails.keySet());
  }

  private synchronized void forget(long tabletId, CompletableFuture<?> done) {
    tails.remove(tabletId, done);
  }

  private Halves run(long tabletId, long expectedEpoch, ByteString splitKey) {
    TabletEntry tablet = ctx.tablet(tabletId);
    if (expectedEpoch != 0 && expectedEpoch != tablet.getEpoch()) {
      throw moved(tablet, expectedEpoch);
    }
    if (!splitKey.isEmpty() && !strictlyInside(tablet, splitKey)) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "split key is not strictly inside tablet " + tabletId + "'s range");
    }
    long rightId = ctx.commit(allocateOne(), Long.class);
    LOG.info(
        "tablet {}: splitting at epoch {}, right tablet {}", tabletId, tablet.getEpoch(), rightId);
    SplitResponse split =
        ctx.awaitTablet(ctx.tablets().split(ctx.route(tablet), splitKey, rightId));
    ByteString at = split.getRight().getStartKey();
    commitSplit(tabletId, at, rightId);
    LOG.info("tablet {}: split at {} into {} and {}", tabletId, at, tabletId, rightId);
    return ctx.log()
        .read(
            s ->
                new Halves(
                    s.descriptor(s.tablet(tabletId).orElseThrow()),
                    s.descriptor(s.tablet(rightId).orElseThrow())));
  }

  /** Commits the split the tablet group made, unless the directory already has it. */
  private void commitSplit(long tabletId, ByteString at, long rightId) {
    for (int attempt = 1; ; attempt++) {
      if (ctx.log().read(s -> s.tablet(rightId)).isPresent()) {
        return; // adopted by heartbeat reconciliation
      }
      TabletEntry now = ctx.tablet(tabletId);
      MetaCommand cmd =
          MetaCommand.newBuilder()
              .setSplitTablet(
                  SplitTablet.newBuilder()
                      .setTabletId(tabletId)
                      .setExpectedEpoch(now.getEpoch())
                      .setSplitKey(at)
                      .setNewTabletId(rightId))
              .build();
      try {
        ctx.commit(cmd, TabletSplit.class);
        return;
      } catch (CesiumException e) {
        if (attempt >= COMMIT_ATTEMPTS || !retryCommit(e)) {
          throw e;
        }
      }
    }
  }

  /** TABLET_MOVED: the epoch moved; INVALID_ARGUMENT: maybe N got adopted (checked on loop). */
  private static boolean retryCommit(CesiumException e) {
    return e.code() == ErrorCode.TABLET_MOVED || e.code() == ErrorCode.INVALID_ARGUMENT;
  }

  private static MetaCommand allocateOne() {
    return MetaCommand.newBuilder()
        .setAllocateTabletIds(AllocateTabletIds.newBuilder().setCount(1))
        .build();
  }

  static boolean strictlyInside(TabletEntry tablet, ByteString key) {
    Comparator<ByteString> order = ByteString.unsignedLexicographicalComparator();
    return order.compare(tablet.getStartKey(), key) < 0
        && (tablet.getEndKey().isEmpty() || order.compare(key, tablet.getEndKey()) < 0);
  }

  private static CesiumException moved(TabletEntry tablet, long callerEpoch) {
    return CesiumException.retry(
        ErrorCode.TABLET_MOVED,
        "tablet "
            + tablet.getTabletId()
            + " is at epoch "
            + tablet.getEpoch()
            + ", caller expected "
            + callerEpoch,
        new RetryHint.TabletMoved(
            Long.toString(tablet.getTabletId()), callerEpoch, tablet.getEpoch()));
  }
}
