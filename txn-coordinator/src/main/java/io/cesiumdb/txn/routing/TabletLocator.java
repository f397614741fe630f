package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves a key to a tablet: the {@link TabletDirectoryCache} first, the {@link TabletDirectory}
 * (placement driver) on a miss; and repairs the cache when a tablet says the caller's view is
 * stale.
 *
 * <p>Repair rule, on {@code TABLET_MOVED} / {@code TABLET_NOT_FOUND}: forget the descriptor used
 * and the entry holding the key, then cache the error's {@code current} descriptor if it has one.
 * It is authoritative for its own tablet id and range; if the key fell outside it, the next resolve
 * misses and the placement driver fills the gap. An answer from the placement driver that does not
 * hold the key (it lags behind a split, or the cache already knows a newer epoch of that tablet)
 * fails the attempt as stale, so the caller's retry loop asks again after a pause.
 */
final class TabletLocator {
  private final TabletDirectoryCache cache;
  private final TabletDirectory directory;

  TabletLocator(TabletDirectoryCache cache, TabletDirectory directory) {
    this.cache = cache;
    this.directory = directory;
  }

  /** The tablet holding {@code key}, from the cache or else the directory. */
  CompletableFuture<TabletDescriptor> locate(long keyspace, ByteString key, long deadlineNanos) {
    Optional<TabletDescriptor> hit = cache.find(keyspace, key);
    if (hit.isPresent()) {
      return CompletableFuture.completedFuture(hit.get());
    }
    long left = Math.max(1, deadlineNanos - System.nanoTime());
    return directory
        .lookup(keyspace, key, Duration.ofNanos(left))
        .thenApply(d -> adopt(keyspace, key, d));
  }

  /** Forgets {@code used}, then locates {@code key} again (through the directory). */
  CompletableFuture<TabletDescriptor> relocate(
      long keyspace, ByteString key, TabletDescriptor used, long deadlineNanos) {
    cache.invalidate(used);
    cache.invalidate(keyspace, key);
    return locate(keyspace, key, deadlineNanos);
  }

  /**
   * Repairs the cache after {@code error} answered a request for {@code key} sent to {@code used}.
   */
  void onStale(long keyspace, ByteString key, TabletDescriptor used, Throwable error) {
    cache.invalidate(used);
    cache.invalidate(keyspace, key);
    if (KeyedRetry.unwrap(error) instanceof CesiumException e) {
      ErrorDetails.currentDescriptor(e)
          .filter(c -> c.getKeyspace() == keyspace && c.getReplicasCount() > 0)
          .ifPresent(cache::insert);
    }
  }

  TabletDirectoryCache cache() {
    return cache;
  }

  TabletDirectory directory() {
    return directory;
  }

  private TabletDescriptor adopt(long keyspace, ByteString key, TabletDescriptor d) {
    if (d.getKeyspace() == keyspace && d.getReplicasCount() > 0) {
      cache.insert(d);
    }
    return cache
        .find(keyspace, key)
        .orElseThrow(
            () ->
                new CesiumException(
                    ErrorCode.TABLET_MOVED,
                    "placement driver answered tablet "
                        + Long.toUnsignedString(d.getTabletId())
                        + " (epoch "
                        + d.getEpoch()
                        + "), which does not hold the key yet"));
  }
}
